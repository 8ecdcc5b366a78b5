/**
 * The wire formats ({@code Wire}: MessagePack and JSON trees, pure), the shared Redis connections
 * ({@code RedisLink}: Lettuce, whose I/O threads run every message handler) and the per-namespace
 * protocols: classic ({@code ClassicAdapter} sending, {@code ClassicRequests} answering);
 * socket.io-adapter's cluster protocol ({@code ClusterPeer} the requests a server waits on,
 * {@code ClusterRequests} answering), spoken by the streams adapter ({@code StreamsAdapter},
 * {@code StreamReader} reading the stream on a connection of its own, {@code StreamsRecovery}
 * keeping sessions, {@code StreamsWire} its encodings) and by the classic package's sharded variant
 * ({@code ShardedAdapter}, {@code ShardedWire}). Not exported.
 */
package io.pulseio.adapter.redis.internal;
