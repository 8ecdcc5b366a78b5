/**
 * Engine.IO v4 and Socket.IO v5 packets and their codecs, pure: input is text, bytes or a Jackson
 * tree, output immutable values; no I/O, threads, clocks or logging here.
 *
 * <p><b>What lives here.</b> Engine.IO: {@code EnginePacket}, {@code EnginePacketType},
 * {@code EngineCodec} (single packets and polling payloads), {@code Handshake}. Socket.IO:
 * {@code SocketPacket}, {@code SocketPacketType}, {@code SocketEncoder}, {@code SocketDecoder}
 * (reassembles binary packets), {@code EncodedPacket}. JSON helpers: {@code Json} (the strict mapper
 * of the codecs), {@code JsonText} and {@code FlatJsonArray} (fast paths checked against the mapper),
 * {@code Utf8}. Decoding fails one way only: {@code ProtocolException}.
 *
 * <p><b>Threads.</b> The records and the static codecs are immutable and safe from any thread. A
 * {@code SocketDecoder} holds the attachments of a binary packet in progress: one per connection,
 * used by one thread at a time (in the client and the server, the connection's event loop).
 *
 * <p><b>Nulls.</b> Parameters must not be null. A packet without a namespace, ack id or data
 * returns null from that accessor, as its javadoc says; JSON null travels as {@code NullNode}.
 */
package io.pulseio.protocol;
