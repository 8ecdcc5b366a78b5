package io.pulseio.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class EventBufferTest {
    private final AtomicLong now = new AtomicLong(1_700_000_000_250L);
    private final EventBuffer buffer = new EventBuffer(now::get);

    @Test
    void countsPerSecondTypeAndSubTypeThenStartsOver() {
        buffer.add("packetsIn");
        buffer.add("packetsIn");
        buffer.add("bytesIn", null, 40);
        buffer.add("rawDisconnection", "transport close", 1);
        now.addAndGet(1000);
        buffer.add("packetsIn");

        List<String> items = new ArrayList<>();
        for (JsonNode item : buffer.drain()) {
            items.add(item.toString());
        }
        assertThat(items)
                .containsExactlyInAnyOrder(
                        "{\"timestamp\":1700000000000,\"type\":\"packetsIn\",\"count\":2}",
                        "{\"timestamp\":1700000000000,\"type\":\"bytesIn\",\"count\":40}",
                        "{\"timestamp\":1700000000000,\"type\":\"rawDisconnection\",\"subType\":\"transport close\",\"count\":1}",
                        "{\"timestamp\":1700000001000,\"type\":\"packetsIn\",\"count\":1}");
        assertThat(buffer.drain()).isEmpty();
    }

    @Test
    void messageCountsGoUnderTheSecondOfTheDrain() {
        buffer.received(10);
        buffer.received(5);
        buffer.sent(7);
        now.addAndGet(1500);
        List<String> items = new ArrayList<>();
        buffer.drain().forEach(item -> items.add(item.toString()));
        assertThat(items)
                .containsExactly(
                        "{\"timestamp\":1700000001000,\"type\":\"packetsIn\",\"count\":2}",
                        "{\"timestamp\":1700000001000,\"type\":\"packetsOut\",\"count\":1}",
                        "{\"timestamp\":1700000001000,\"type\":\"bytesIn\",\"count\":15}",
                        "{\"timestamp\":1700000001000,\"type\":\"bytesOut\",\"count\":7}");
        assertThat(buffer.drain()).isEmpty();
    }
}
