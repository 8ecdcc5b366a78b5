/**
 * The wire formats ({@code Wire}: MessagePack and JSON trees, pure), the shared Redis connections
 * ({@code RedisLink}: Lettuce, whose I/O threads run every message handler) and the per-namespace
 * protocol ({@code ClassicAdapter} sending, {@code ClassicRequests} answering). Not exported.
 */
package io.pulseio.adapter.redis.internal;
