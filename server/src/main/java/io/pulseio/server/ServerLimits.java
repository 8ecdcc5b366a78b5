package io.pulseio.server;

import java.time.Duration;

/**
 * What one connection may cost the server: the HTTP timeouts, the connection cap, the bounds on
 * received and queued data. Immutable and thread-safe; built with {@link #builder()} or taken
 * from {@link ServerOptions#limits()}. Set them through {@link ServerOptions.Builder#limits} or
 * one by one through the builder's methods of the same names. docs/server.md compares each with
 * the Node.js server's.
 */
public final class ServerLimits {
    private static final ServerLimits DEFAULTS = new Builder().build();

    private final Duration headersTimeout;
    private final Duration requestTimeout;
    private final Duration keepAliveTimeout;
    private final Duration writeTimeout;
    private final int maxConnections;
    private final long maxHttpBufferSize;
    private final long maxOutboundBufferSize;
    private final int maxAttachments;
    private final long maxAttachmentBytes;
    private final Duration attachmentTimeout;
    private final int maxNamespaceLength;

    private ServerLimits(Builder b) {
        headersTimeout = b.headersTimeout;
        requestTimeout = b.requestTimeout;
        keepAliveTimeout = b.keepAliveTimeout;
        writeTimeout = b.writeTimeout;
        maxConnections = b.maxConnections;
        maxHttpBufferSize = b.maxHttpBufferSize;
        maxOutboundBufferSize = b.maxOutboundBufferSize;
        maxAttachments = b.maxAttachments;
        maxAttachmentBytes = b.maxAttachmentBytes;
        attachmentTimeout = b.attachmentTimeout;
        maxNamespaceLength = b.maxNamespaceLength;
    }

    /** Every limit at its default. */
    public static ServerLimits defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these limits, to derive changed copies. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.headersTimeout = headersTimeout;
        b.requestTimeout = requestTimeout;
        b.keepAliveTimeout = keepAliveTimeout;
        b.writeTimeout = writeTimeout;
        b.maxConnections = maxConnections;
        b.maxHttpBufferSize = maxHttpBufferSize;
        b.maxOutboundBufferSize = maxOutboundBufferSize;
        b.maxAttachments = maxAttachments;
        b.maxAttachmentBytes = maxAttachmentBytes;
        b.attachmentTimeout = attachmentTimeout;
        b.maxNamespaceLength = maxNamespaceLength;
        return b;
    }

    /**
     * How long a client may take to send a request's headers, from the connection's start or
     * the request's first byte; then the server answers 408 and closes the connection. Default 60 s
     * (Node's {@code server.headersTimeout}).
     */
    public Duration headersTimeout() {
        return headersTimeout;
    }

    /**
     * How long a client may take to send a whole request, headers and body; then 408 and the
     * connection is closed. Default 300 s (Node's {@code server.requestTimeout}).
     */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /**
     * How long a kept-alive HTTP connection may stay idle after a response before it is closed.
     * Default 5 s (Node's {@code server.keepAliveTimeout}).
     */
    public Duration keepAliveTimeout() {
        return keepAliveTimeout;
    }

    /**
     * How long a connection may stay unable to take more output (its client reads nothing while
     * the server has more than 64 KiB for it) before it is closed; while so, nothing more is read
     * from it. Default 30 s (Node has no such timeout: it only stops reading).
     */
    public Duration writeTimeout() {
        return writeTimeout;
    }

    /**
     * The most TCP connections open at once; further ones are closed at once, with a warning
     * logged. 0 means no cap. Default 0 (Node's {@code server.maxConnections}: unlimited).
     */
    public int maxConnections() {
        return maxConnections;
    }

    /**
     * The largest HTTP body and WebSocket message accepted, in bytes; announced as
     * {@code maxPayload}. Default 1 000 000.
     */
    public long maxHttpBufferSize() {
        return maxHttpBufferSize;
    }

    /**
     * The most bytes the server holds for one client connection that it has not been able to send
     * yet, every write counted (Engine.IO packets queued for a poll or a WebSocket, HTTP responses,
     * WebSocket control frames); 0 means no limit. Default 16 MiB (16 777 216). Over it, the server
     * drops the queue, closes that connection at once (its sockets disconnect with {@link
     * DisconnectReason#TRANSPORT_ERROR transport error}) and logs a warning naming the session and
     * the limit. Volatile emits never count. Not counted: the operating system's socket buffers.
     * Node's socket.io has no such bound; docs/server.md explains the default.
     */
    public long maxOutboundBufferSize() {
        return maxOutboundBufferSize;
    }

    /**
     * The most binary attachments one packet may announce; a packet announcing more closes the
     * connection ({@code parse error}). Default 10, as the Node.js server's parser.
     */
    public int maxAttachments() {
        return maxAttachments;
    }

    /**
     * The most bytes of binary attachments a connection may have received for a packet that still
     * waits for more of them; going over closes the connection ({@code parse error}) with a
     * warning. Default 10 000 000 (Node's bound is implicit: 10 attachments of at most
     * {@code maxHttpBufferSize} each).
     */
    public long maxAttachmentBytes() {
        return maxAttachmentBytes;
    }

    /**
     * How long a binary packet may wait for its attachments after its text arrived; past it the
     * connection is closed ({@code parse error}) with a warning. Default 30 s (Node has none).
     */
    public Duration attachmentTimeout() {
        return attachmentTimeout;
    }

    /**
     * The longest namespace name (in characters, with its leading slash) a CONNECT may ask for; a
     * longer one is answered with CONNECT_ERROR {@code "Invalid namespace"} without the name being
     * looked up or kept. Default 256 (Node has no bound but {@code maxHttpBufferSize}).
     */
    public int maxNamespaceLength() {
        return maxNamespaceLength;
    }

    @Override
    public String toString() {
        return "ServerLimits[headersTimeout=" + headersTimeout + ", requestTimeout=" + requestTimeout
                + ", keepAliveTimeout=" + keepAliveTimeout + ", writeTimeout=" + writeTimeout
                + ", maxConnections=" + maxConnections + ", maxHttpBufferSize=" + maxHttpBufferSize
                + ", maxOutboundBufferSize=" + maxOutboundBufferSize + ", maxAttachments=" + maxAttachments
                + ", maxAttachmentBytes=" + maxAttachmentBytes + ", attachmentTimeout="
                + attachmentTimeout + ", maxNamespaceLength=" + maxNamespaceLength + "]";
    }

    /** Collects limit values; {@link #build()} checks them. Not thread-safe. */
    public static final class Builder {
        private Duration headersTimeout = Duration.ofSeconds(60);
        private Duration requestTimeout = Duration.ofSeconds(300);
        private Duration keepAliveTimeout = Duration.ofSeconds(5);
        private Duration writeTimeout = Duration.ofSeconds(30);
        private int maxConnections = 0;
        private long maxHttpBufferSize = 1_000_000;
        private long maxOutboundBufferSize = 16L * 1024 * 1024;
        private int maxAttachments = 10;
        private long maxAttachmentBytes = 10_000_000;
        private Duration attachmentTimeout = Duration.ofSeconds(30);
        private int maxNamespaceLength = 256;

        private Builder() {}

        /** See {@link ServerLimits#headersTimeout()}. */
        public Builder headersTimeout(Duration value) {
            this.headersTimeout = value;
            return this;
        }

        /** See {@link ServerLimits#requestTimeout()}. */
        public Builder requestTimeout(Duration value) {
            this.requestTimeout = value;
            return this;
        }

        /** See {@link ServerLimits#keepAliveTimeout()}. */
        public Builder keepAliveTimeout(Duration value) {
            this.keepAliveTimeout = value;
            return this;
        }

        /** See {@link ServerLimits#writeTimeout()}. */
        public Builder writeTimeout(Duration value) {
            this.writeTimeout = value;
            return this;
        }

        /** See {@link ServerLimits#maxConnections()}; 0: no cap. */
        public Builder maxConnections(int value) {
            this.maxConnections = value;
            return this;
        }

        /** See {@link ServerLimits#maxHttpBufferSize()}. */
        public Builder maxHttpBufferSize(long bytes) {
            this.maxHttpBufferSize = bytes;
            return this;
        }

        /** See {@link ServerLimits#maxOutboundBufferSize()}; 0 turns the limit off. */
        public Builder maxOutboundBufferSize(long bytes) {
            this.maxOutboundBufferSize = bytes;
            return this;
        }

        /** See {@link ServerLimits#maxAttachments()}. */
        public Builder maxAttachments(int max) {
            this.maxAttachments = max;
            return this;
        }

        /** See {@link ServerLimits#maxAttachmentBytes()}. */
        public Builder maxAttachmentBytes(long bytes) {
            this.maxAttachmentBytes = bytes;
            return this;
        }

        /** See {@link ServerLimits#attachmentTimeout()}. */
        public Builder attachmentTimeout(Duration value) {
            this.attachmentTimeout = value;
            return this;
        }

        /** See {@link ServerLimits#maxNamespaceLength()}. */
        public Builder maxNamespaceLength(int chars) {
            this.maxNamespaceLength = chars;
            return this;
        }

        /**
         * Checks the values and returns the limits.
         *
         * @throws IllegalArgumentException naming the first bad value
         */
        public ServerLimits build() {
            Checks.positive("headersTimeout", headersTimeout);
            Checks.positive("requestTimeout", requestTimeout);
            Checks.positive("keepAliveTimeout", keepAliveTimeout);
            Checks.positive("writeTimeout", writeTimeout);
            if (maxConnections < 0) {
                throw new IllegalArgumentException("maxConnections must be >= 0 (0: no cap), was " + maxConnections);
            }
            if (maxHttpBufferSize < 1 || maxHttpBufferSize > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(
                        "maxHttpBufferSize must be between 1 and 2147483647, was " + maxHttpBufferSize);
            }
            if (maxOutboundBufferSize < 0) {
                throw new IllegalArgumentException(
                        "maxOutboundBufferSize must be >= 0 (0: no limit), was " + maxOutboundBufferSize);
            }
            if (maxAttachments < 0) {
                throw new IllegalArgumentException("maxAttachments must be >= 0, was " + maxAttachments);
            }
            if (maxAttachmentBytes < 1) {
                throw new IllegalArgumentException("maxAttachmentBytes must be >= 1, was " + maxAttachmentBytes);
            }
            Checks.positive("attachmentTimeout", attachmentTimeout);
            if (maxNamespaceLength < 1) {
                throw new IllegalArgumentException("maxNamespaceLength must be >= 1, was " + maxNamespaceLength);
            }
            return new ServerLimits(this);
        }
    }
}
