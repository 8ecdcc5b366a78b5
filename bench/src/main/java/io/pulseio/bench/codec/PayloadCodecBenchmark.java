package io.pulseio.bench.codec;

import io.pulseio.protocol.EngineCodec;
import io.pulseio.protocol.EnginePacket;
import io.pulseio.protocol.SocketEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Engine.IO polling payloads: 100 MESSAGE packets, each the 64-byte event, joined by the record
 * separator (what a polling client POSTs when it flushes a burst of emits).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PayloadCodecBenchmark {
    static final int PACKETS = 100;

    private List<EnginePacket> packets;
    private String payload;

    @Setup
    public void setUp() {
        String event = SocketEncoder.encode(Fixtures.event()).text();
        packets = new ArrayList<>(PACKETS);
        for (int i = 0; i < PACKETS; i++) {
            packets.add(EnginePacket.message(event));
        }
        payload = EngineCodec.encodePayload(packets);
    }

    @Benchmark
    public String encodePayload() {
        return EngineCodec.encodePayload(packets);
    }

    @Benchmark
    public List<EnginePacket> decodePayload() {
        return EngineCodec.decodePayload(payload);
    }
}
