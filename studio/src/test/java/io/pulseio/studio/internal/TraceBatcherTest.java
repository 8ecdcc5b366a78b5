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
    void aBatchKeepsAtMostMaxEventsRecordsAndCountsTheRest() {
        TraceBatcher batcher = new TraceBatcher();
        for (int i = 0; i < TraceBatcher.MAX_EVENTS + 7; i++) {
            batcher.onEvent(new TraceEvent.PluginRecord(i, "socketio", "sent",
                    java.util.Map.of("connection", "main", "name", "e" + i, "payload", "x")));
        }
        JsonNode batch = batcher.take();
        assertThat(batch.path("events")).hasSize(TraceBatcher.MAX_EVENTS);
        assertThat(batch.path("events").get(0).path("name").asText()).isEqualTo("e0");
        assertThat(batch.path("dropped").asInt()).isEqualTo(7);
    }
}
