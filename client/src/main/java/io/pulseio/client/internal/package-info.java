/**
 * The client's Socket.IO layer (not exported): {@code Manager} (the {@code SocketIoClient}: one
 * Engine.IO session, the namespaces over it, reconnection with {@code Backoff} and
 * {@code Reconnection}), {@code Connection} (the engine state machine and its Socket.IO decoder),
 * {@code SocketImpl} (one namespace's socket) with {@code Emits} (send buffer, at-least-once
 * queue), {@code Outgoing}, {@code JoinTimer}, {@code Recovery}, {@code AckImpl}; {@code Listeners}
 * (the registries) and {@code Callbacks} (running them on the callback executor); {@code Args}
 * (event names and argument conversion) and {@code TlsContexts}.
 *
 * <p><b>Dependencies.</b> This package uses the public API's types; the API reaches it only by
 * name ({@code SocketIoClient.create} makes the {@code Manager} through the API's package-private
 * {@code Implementations}), so there is no package cycle.
 *
 * <p><b>Threads.</b> Every client's state is confined to its one event loop: packets arrive there,
 * timers fire there, and public methods called elsewhere encode on the caller's thread and hand one
 * task to the loop ({@code Outgoing}). Only {@code Listeners} is thread-safe (listeners are added
 * and removed from any thread). Application callbacks leave through {@code Callbacks} onto the
 * callback executor of the options, inline on the loop when there is none.
 *
 * <p><b>Nulls.</b> As in the public API: parameters are not null; fields that are null until a
 * connection exists (the session, a socket's id) say so where they are declared.
 */
package io.pulseio.client.internal;
