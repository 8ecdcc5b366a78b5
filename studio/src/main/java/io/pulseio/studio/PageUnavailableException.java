package io.pulseio.studio;

/** The studio page cannot be served: it is not built and cannot be built here. The message says why and what to do. */
public final class PageUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    public PageUnavailableException(String message) {
        super(message);
    }
}
