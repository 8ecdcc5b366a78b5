/**
 * Cluster adapters for the pulseio server over Redis ({@link io.pulseio.adapter.redis.RedisAdapter},
 * {@link io.pulseio.adapter.redis.RedisEmitter}); the {@code internal} packages are not exported. It
 * provides the server's {@link io.pulseio.server.AdapterProvider} for {@code redis://} settings.
 * Lettuce ({@code lettuce.core}) and jackson-dataformat-msgpack ({@code jackson.dataformat.msgpack},
 * a name derived from its file name: it declares none) are automatic modules.
 */
@SuppressWarnings({"requires-automatic", "module"})
module io.pulseio.adapter.redis {
    requires transitive io.pulseio.server;
    requires com.fasterxml.jackson.databind;
    requires lettuce.core;
    requires jackson.dataformat.msgpack;
    requires io.netty.common;
    requires org.slf4j;

    exports io.pulseio.adapter.redis;

    provides io.pulseio.server.AdapterProvider with
            io.pulseio.adapter.redis.internal.RedisProvider;
}
