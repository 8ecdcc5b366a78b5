/**
 * The I/O layer under the server's event loops (not exported): {@code NativeIo}, epoll or NIO.
 * Depends on Netty only, so that the API's {@code EventLoops} can use it without a package cycle.
 * Stateless; any thread.
 */
package io.pulseio.server.internal.io;
