package io.pulseio.bench.codec;

import io.pulseio.protocol.EncodedPacket;
import io.pulseio.protocol.SocketDecoder;
import io.pulseio.protocol.SocketEncoder;
import io.pulseio.protocol.SocketPacket;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Socket.IO packet encode and decode: a 64-byte event, an ack, and a binary event with one 1 KiB
 * attachment. Decoding includes the JSON parse and, for the binary event, the reassembly.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SocketCodecBenchmark {
    private SocketPacket event;
    private SocketPacket ack;
    private SocketPacket binaryEvent;
    private String eventText;
    private String ackText;
    private EncodedPacket binaryEncoded;
    private SocketDecoder decoder;

    @Setup
    public void setUp() {
        event = Fixtures.event();
        ack = Fixtures.ack();
        binaryEvent = Fixtures.binaryEvent();
        eventText = SocketEncoder.encode(event).text();
        ackText = SocketEncoder.encode(ack).text();
        binaryEncoded = SocketEncoder.encode(binaryEvent);
        decoder = new SocketDecoder();
    }

    @Benchmark
    public EncodedPacket encodeEvent() {
        return SocketEncoder.encode(event);
    }

    @Benchmark
    public SocketPacket decodeEvent() {
        return decoder.decode(eventText);
    }

    @Benchmark
    public EncodedPacket encodeAck() {
        return SocketEncoder.encode(ack);
    }

    @Benchmark
    public SocketPacket decodeAck() {
        return decoder.decode(ackText);
    }

    @Benchmark
    public EncodedPacket encodeBinaryEvent() {
        return SocketEncoder.encode(binaryEvent);
    }

    @Benchmark
    public SocketPacket decodeBinaryEvent() {
        SocketPacket waiting = decoder.decode(binaryEncoded.text());
        if (waiting != null) {
            throw new IllegalStateException("a binary event finished before its attachment");
        }
        return decoder.decodeBinary(binaryEncoded.attachments().get(0));
    }
}
