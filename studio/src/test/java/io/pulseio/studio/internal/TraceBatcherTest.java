package io.pulseio.studio.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulseio.logic.trace.TraceEvent;
import org.junit.jupiter.api.Test;

class TraceBatcherTest {
    @Test
    void nodeExecutionsBecomeACountTheLastTimeAndTheTimeSpentPerWindow() {
        TraceBatcher batcher = new TraceBatcher();
        assertThat(batcher.take()).as("nothing happened").isNull();
        batcher.onEvent(new TraceEvent.NodeExecuted(1_000, "a", "core.print", "in", "project", 300));
        batcher.onEvent(new TraceEvent.NodeExecuted(5_000, "a", "core.print", "in", "project", 500));
        batcher.onEvent(new TraceEvent.NodeExecuted(6_000, "b", "core.print", "in", "project", 70));
        batcher.onEvent(new TraceEvent.Pulse(6_000, "a.out", "b.in"));
        batcher.onEvent(new TraceEvent.Pulse(7_000, "a.out", "b.in"));

        JsonNode batch = batcher.take();
        assertThat(batch.path("nodes").path("a").toString()).isEqualTo("{\"count\":2,\"ns\":800,\"t\":5000}");
        assertThat(batch.path("nodes").path("b").path("ns").asLong()).isEqualTo(70);
        assertThat(batch.path("pulses").path("a.out>b.in").asInt()).isEqualTo(2);
        assertThat(batcher.take()).as("each window starts afresh").isNull();
    }

    @Test
    void aBatchKeepsAtMostMaxPerKindRecordsOfEachKindInOrderAndCountsTheRest() {
        TraceBatcher batcher = new TraceBatcher();
        for (int i = 0; i < TraceBatcher.MAX_PER_KIND + 7; i++) {
            batcher.onEvent(new TraceEvent.PluginRecord(
                    i, "socketio", "sent", java.util.Map.of("connection", "main", "name", "e" + i, "payload", "x")));
        }
        batcher.onEvent(new TraceEvent.PluginRecord(
                9_000, "socketio", "connection", java.util.Map.of("connection", "main", "state", "closed")));
        batcher.printed("after the flood");
        JsonNode batch = batcher.take();
        assertThat(batch.path("events")).hasSize(TraceBatcher.MAX_PER_KIND + 2);
        assertThat(batch.path("events").get(0).path("name").asText()).isEqualTo("e0");
        assertThat(batch.path("events")
                        .get(TraceBatcher.MAX_PER_KIND)
                        .path("state")
                        .asText())
                .as("a flood of one kind does not push another kind's record out")
                .isEqualTo("closed");
        assertThat(batch.path("events")
                        .get(TraceBatcher.MAX_PER_KIND + 1)
                        .path("line")
                        .asText())
                .isEqualTo("after the flood");
        assertThat(batch.path("dropped").asInt()).isEqualTo(7);

        batcher.onEvent(new TraceEvent.PluginRecord(
                10_000, "socketio", "sent", java.util.Map.of("connection", "main", "name", "next", "payload", "x")));
        assertThat(batcher.take().path("events"))
                .as("each window counts afresh")
                .hasSize(1);
    }

    @Test
    void aLongPayloadIsCutAndMarked() {
        TraceBatcher batcher = new TraceBatcher();
        batcher.onEvent(new TraceEvent.PluginRecord(
                1,
                "socketio",
                "received",
                java.util.Map.of(
                        "connection", "main", "name", "big", "payload", "y".repeat(TraceBatcher.MAX_PAYLOAD + 5))));
        JsonNode record = batcher.take().path("events").get(0);
        assertThat(record.path("payload").asText()).hasSize(TraceBatcher.MAX_PAYLOAD);
        assertThat(record.path("truncated").asBoolean()).isTrue();
    }
}
