package io.pulseio.adapter.redis.internal;

import io.pulseio.server.AckReply;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/** A broadcast with acks this server sent: where other servers' counts and replies go. */
record AckWait(IntConsumer clientCount, Consumer<AckReply> reply) {}
