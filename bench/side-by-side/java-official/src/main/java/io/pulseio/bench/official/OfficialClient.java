package io.pulseio.bench.official;

import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.json.JSONObject;

/**
 * The official Java client ({@code io.socket:socket.io-client}) as a candidate of the side-by-side
 * client benchmark: {@code URL SCENARIO N SIZE TRANSPORT WARMUP} in, one JSON line out, exit code
 * 0 when the result is ok (bench/README.md, "Client, side by side", says what each scenario does).
 *
 * <p>The client calls every listener and ack on its own event thread; the counters of a phase are
 * touched only there and read by the main thread after the phase's future completed.
 */
public final class OfficialClient {
  private static final int MAX_N = 10_000_000;

  private final String url;
  private final String transport;
  private final long timeoutMs;
  private final String payload;
  private final int size;
  private final Map<String, Object> result;

  private OfficialClient(String url, String transport, int size, Map<String, Object> result) {
    this.url = url;
    this.transport = transport;
    this.size = size;
    this.payload = "x".repeat(size);
    this.result = result;
    this.timeoutMs =
        1000 * Long.parseLong(System.getenv().getOrDefault("BENCH_PHASE_TIMEOUT_S", "60"));
  }

  public static void main(String[] args) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("candidate", System.getenv().getOrDefault("BENCH_CANDIDATE", "java-official"));
    result.put("impl", "io.socket:socket.io-client " + libraryVersion()
        + " / java " + System.getProperty("java.version"));
    result.put("ok", false);
    int code;
    try {
      code = run(args, result);
    } catch (Throwable e) {
      result.put("ok", false);
      result.put("error", e.getMessage() == null ? e.toString() : e.getMessage());
      code = 1;
    }
    Long rss = Measure.peakRssKb();
    if (rss != null) {
      result.put("peak_rss_kb", rss);
    }
    System.out.println(new JSONObject(result));
    System.out.flush();
    System.exit(code); // the client's OkHttp threads would keep the JVM alive for a minute
  }

  private static int run(String[] args, Map<String, Object> result) throws Exception {
    if (args.length != 6) {
      result.put("error", "usage: URL SCENARIO N SIZE TRANSPORT WARMUP");
      return 2;
    }
    String scenario = args[1];
    int n = Integer.parseInt(args[2]);
    int size = Integer.parseInt(args[3]);
    String transport = args[4];
    int warmup = Integer.parseInt(args[5]);
    result.put("scenario", scenario);
    result.put("transport", transport);
    result.put("n", n);
    result.put("size", size);
    result.put("warmup", warmup);
    if (n < 1 || n > MAX_N || warmup < 0 || warmup > MAX_N || size < 0 || size > (1 << 20)) {
      result.put("error", "usage: N (1.." + MAX_N + "), WARMUP or SIZE (0..1 MiB) out of range");
      return 2;
    }
    if (!transport.equals("websocket") && !transport.equals("polling")) {
      result.put("error", "usage: TRANSPORT must be websocket or polling, was " + transport);
      return 2;
    }
    OfficialClient client = new OfficialClient(args[0], transport, size, result);
    return switch (scenario) {
      case "emit" -> client.emit(n, warmup);
      case "ack" -> client.ack(n, warmup);
      case "push" -> client.push(n, warmup);
      case "connect" -> client.connect(n, warmup);
      default -> {
        result.put("error", "usage: SCENARIO must be emit, ack, push or connect, was " + scenario);
        yield 2;
      }
    };
  }

  private int emit(int n, int warmup) throws Exception {
    Connection c = open();
    try {
      if (warmup > 0 && emitPhase(c, warmup) != warmup) {
        throw new IllegalStateException("warm-up: the server did not count every event");
      }
      long serverBefore = serverCpuUs(c);
      Measure m = Measure.start();
      long counted = emitPhase(c, n);
      double elapsedMs = m.end(result);
      serverCpu(c, serverBefore);
      result.put("server_count", counted);
      result.put("rate", Measure.round(n / (elapsedMs / 1000), 1));
      result.put("ok", counted == n);
      return counted == n ? 0 : 1;
    } finally {
      c.socket.disconnect();
    }
  }

  /** Emits {@code count} events, then asks the server how many it counted (and resets it). */
  private long emitPhase(Connection c, int count) throws Exception {
    for (int i = 0; i < count; i++) {
      c.socket.emit("count", payload);
    }
    CompletableFuture<Long> counted = new CompletableFuture<>();
    c.socket.emit("count-done", new Object[0],
        (Ack) reply -> counted.complete(((Number) reply[0]).longValue()));
    return c.await(counted, () -> "count-done after " + count + " events");
  }

  private int ack(int n, int warmup) throws Exception {
    Connection c = open();
    try {
      if (warmup > 0) {
        ackPhase(c, new long[warmup]);
      }
      long[] latencies = new long[n];
      long serverBefore = serverCpuUs(c);
      Measure m = Measure.start();
      int bad = ackPhase(c, latencies);
      double elapsedMs = m.end(result);
      serverCpu(c, serverBefore);
      result.put("rate", Measure.round(n / (elapsedMs / 1000), 1));
      Measure.latencies(latencies, "us", result);
      result.put("bad_replies", bad);
      result.put("ok", bad == 0);
      return bad == 0 ? 0 : 1;
    } finally {
      c.socket.disconnect();
    }
  }

  /** Sequential echo round trips, each next one emitted from the previous one's ack. */
  private int ackPhase(Connection c, long[] latencies) throws Exception {
    CompletableFuture<Integer> done = new CompletableFuture<>();
    int[] state = new int[2]; // {round trips done, bad replies}; event thread only
    Ack[] next = new Ack[1];
    long[] start = new long[1];
    next[0] = reply -> {
      latencies[state[0]] = System.nanoTime() - start[0];
      if (reply.length != 1 || !payload.equals(reply[0])) {
        state[1]++;
      }
      if (++state[0] == latencies.length) {
        done.complete(state[1]);
      } else {
        start[0] = System.nanoTime();
        c.socket.emit("echo", new Object[] {payload}, next[0]);
      }
    };
    start[0] = System.nanoTime();
    c.socket.emit("echo", new Object[] {payload}, next[0]);
    return c.await(done, () -> "ack after " + latencies.length + " round trips");
  }

  private int push(int n, int warmup) throws Exception {
    Connection c = open();
    try {
      PushPhase[] current = new PushPhase[1];
      // current[0] is written before each "push" emit; the client hands that emit to its event
      // thread through a queue, so the listeners there see the new phase
      c.socket.on("p", a -> current[0].received(a));
      c.socket.on("push-done", a -> current[0].done.complete(null));
      if (warmup > 0) {
        current[0] = new PushPhase();
        pushPhase(c, current[0], warmup);
      }
      long serverBefore = serverCpuUs(c);
      current[0] = new PushPhase();
      Measure m = Measure.start();
      pushPhase(c, current[0], n);
      double elapsedMs = m.end(result);
      serverCpu(c, serverBefore);
      PushPhase got = current[0];
      result.put("received", got.received);
      result.put("bad_payloads", got.wrongSize);
      result.put("rate", Measure.round(n / (elapsedMs / 1000), 1));
      boolean ok = got.received == n && got.wrongSize == 0;
      result.put("ok", ok);
      return ok ? 0 : 1;
    } finally {
      c.socket.disconnect();
    }
  }

  private void pushPhase(Connection c, PushPhase phase, int count) throws Exception {
    c.socket.emit("push", count, size);
    c.await(phase.done, () -> "push-done after " + phase.received + " of " + count + " events");
  }

  /** The counters of one push phase, touched on the client's event thread only. */
  private final class PushPhase {
    final CompletableFuture<Void> done = new CompletableFuture<>();
    int received;
    int wrongSize;

    void received(Object[] args) {
      received++;
      if (args.length != 1 || !(args[0] instanceof String s) || s.length() != size) {
        wrongSize++;
      }
    }
  }

  private int connect(int n, int warmup) throws Exception {
    for (int i = 0; i < warmup; i++) {
      open().socket.disconnect();
    }
    long[] latencies = new long[n];
    Measure m = Measure.start();
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      Connection c = open();
      latencies[i] = System.nanoTime() - t0;
      c.socket.disconnect();
    }
    double elapsedMs = m.end(result);
    result.put("rate", Measure.round(n / (elapsedMs / 1000), 1));
    Measure.latencies(latencies, "ms", result);
    result.put("ok", true);
    return 0;
  }

  /** A new manager (forceNew) on the one transport, no upgrade, no reconnection; connected. */
  private Connection open() throws Exception {
    IO.Options options = IO.Options.builder()
        .setForceNew(true)
        .setReconnection(false)
        .setTransports(new String[] {transport})
        .setUpgrade(false)
        .setTimeout(timeoutMs)
        .build();
    Socket socket = IO.socket(URI.create(url), options);
    Connection c = new Connection(socket, timeoutMs);
    CompletableFuture<Void> connected = new CompletableFuture<>();
    socket.on(Socket.EVENT_CONNECT, a -> connected.complete(null));
    socket.on(Socket.EVENT_CONNECT_ERROR, a -> connected.completeExceptionally(
        new IllegalStateException("connect_error: " + first(a))));
    socket.on(Socket.EVENT_DISCONNECT, a -> c.lost.completeExceptionally(
        new IllegalStateException("disconnected: " + first(a))));
    socket.connect();
    try {
      c.await(connected, () -> "connect to " + url);
    } catch (Exception e) {
      socket.disconnect();
      throw e;
    }
    return c;
  }

  /** The server's CPU time in µs, from its {@code stats} ack, or -1 when it does not say. */
  private long serverCpuUs(Connection c) throws Exception {
    CompletableFuture<Long> cpu = new CompletableFuture<>();
    c.socket.emit("stats", new Object[0], (Ack) reply -> cpu.complete(
        reply.length > 0 && reply[0] instanceof JSONObject o ? o.optLong("cpu_us", -1) : -1L));
    return c.await(cpu, () -> "stats");
  }

  private void serverCpu(Connection c, long before) throws Exception {
    long after = serverCpuUs(c);
    if (before >= 0 && after >= 0) {
      result.put("server_cpu_ms", Measure.round((after - before) / 1e3, 1));
    }
  }

  private static String first(Object[] args) {
    return args.length == 0 ? "" : String.valueOf(args[0]);
  }

  private static String libraryVersion() {
    String resource = "/META-INF/maven/io.socket/socket.io-client/pom.properties";
    try (InputStream in = OfficialClient.class.getResourceAsStream(resource)) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "(version unknown)");
    } catch (Exception e) {
      return "(version unknown)";
    }
  }

  /** One connected socket and a future that fails when it disconnects. */
  private static final class Connection {
    final Socket socket;
    final CompletableFuture<Void> lost = new CompletableFuture<>();
    private final long timeoutMs;

    Connection(Socket socket, long timeoutMs) {
      this.socket = socket;
      this.timeoutMs = timeoutMs;
    }

    /** Waits for {@code future}, failing early if the socket disconnects, or after the timeout. */
    <T> T await(CompletableFuture<T> future, Supplier<String> what) throws Exception {
      try {
        CompletableFuture.anyOf(future, lost).get(timeoutMs, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        throw new TimeoutException("timeout after " + timeoutMs + " ms: " + what.get());
      } catch (ExecutionException e) {
        throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
      }
      return future.join();
    }
  }
}
