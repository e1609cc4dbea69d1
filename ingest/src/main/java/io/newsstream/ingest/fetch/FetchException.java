package io.newsstream.ingest.fetch;

import java.time.Duration;
import java.util.Optional;

/**
 * A page could not be fetched; the message says why, in words for the user (the caller adds the address).
 * A {@linkplain #retryable() retryable} failure is one that may pass on its own (a timeout, a refused
 * connection, HTTP 429 or a server error), with the wait the server asked for, if any ({@code Retry-After}).
 */
public final class FetchException extends Exception {

    private final boolean retryable;
    private final boolean disallowed;
    private final Duration retryAfter;

    /** A failure that trying again will not mend (HTTP 404, not a page, too big...). */
    public FetchException(String message) {
        this(message, false, false, null);
    }

    private FetchException(String message, boolean retryable, boolean disallowed, Duration retryAfter) {
        super(message);
        this.retryable = retryable;
        this.disallowed = disallowed;
        this.retryAfter = retryAfter;
    }

    /** The address was not requested: the host's robots.txt does not allow it (or could not be read). */
    public static FetchException disallowed(String message) {
        return new FetchException(message, false, true, null);
    }

    /** Whether the address was skipped for robots.txt, not fetched. */
    public boolean disallowed() {
        return disallowed;
    }

    /** A failure that may pass on its own; {@code retryAfter} is the server's {@code Retry-After}, or null. */
    public static FetchException retryable(String message, Duration retryAfter) {
        return new FetchException(message, true, false, retryAfter);
    }

    /** A copy with {@code message}, of the same kind. */
    FetchException withMessage(String message) {
        return new FetchException(message, retryable, disallowed, retryAfter);
    }

    /** Whether trying again may help. */
    public boolean retryable() {
        return retryable;
    }

    /** The wait the server asked for ({@code Retry-After}), if it named one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
