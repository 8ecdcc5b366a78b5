package io.pulseio.client.internal.engine;

import io.netty.channel.EventLoop;
import io.pulseio.protocol.EnginePacket;
import java.util.Objects;

/** The {@link Engine} implementation (work in progress: the transports land next). */
final class EngineSession implements Engine {
  private final EngineOptions options;
  private final EventLoop loop;
  private final EngineListener listener;

  EngineSession(EngineOptions options, EventLoop loop, EngineListener listener) {
    this.options = Objects.requireNonNull(options, "options");
    this.loop = Objects.requireNonNull(loop, "loop");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  @Override
  public void open() {
    loop.execute(() -> listener.onClose("transport error",
        new UnsupportedOperationException("engine not implemented yet: " + options.host())));
  }

  @Override
  public void send(EnginePacket packet) {}

  @Override
  public void close() {}

  @Override
  public String transport() {
    return null;
  }

  @Override
  public boolean writable() {
    return false;
  }
}
