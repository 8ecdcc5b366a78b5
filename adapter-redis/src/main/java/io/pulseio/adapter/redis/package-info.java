/**
 * Cluster adapters for the pulseio server over Redis, speaking the protocols of the Node.js
 * socket.io adapters so that pulseio and Node.js servers serve one cluster:
 * {@link io.pulseio.adapter.redis.RedisAdapter} ({@code @socket.io/redis-adapter}) and
 * {@link io.pulseio.adapter.redis.RedisStreamsAdapter} ({@code @socket.io/redis-streams-adapter}),
 * and {@link io.pulseio.adapter.redis.RedisEmitter}. Optional at run time: a server without it uses
 * the in-memory adapter and never loads this module.
 */
package io.pulseio.adapter.redis;
