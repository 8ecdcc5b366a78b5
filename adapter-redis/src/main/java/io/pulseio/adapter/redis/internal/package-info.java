/**
 * The wire formats ({@code Wire}: MessagePack and JSON trees, pure), the shared Redis connections
 * ({@code RedisLink}: Lettuce, whose I/O threads run every message handler) and the per-namespace
 * protocols: classic ({@code ClassicAdapter} sending, {@code ClassicRequests} answering) and
 * streams ({@code StreamsAdapter} sending, {@code StreamsRequests} answering, {@code StreamReader}
 * reading the stream on a connection of its own, {@code StreamsRecovery} keeping sessions,
 * {@code StreamsWire} its encodings). Not exported.
 */
package io.pulseio.adapter.redis.internal;
