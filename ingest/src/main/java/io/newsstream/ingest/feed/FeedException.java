package io.newsstream.ingest.feed;

import java.util.List;

/**
 * A feed that cannot be read, with a message that says why, and the failed attempts that were retried
 * before it was given up (each naming the address).
 */
public final class FeedException extends Exception {

    private final List<String> retries;

    public FeedException(String message) {
        this(message, List.of());
    }

    public FeedException(String message, List<String> retries) {
        super(message);
        this.retries = List.copyOf(retries);
    }

    /** The failed attempts retried before giving up, oldest first. */
    public List<String> retries() {
        return retries;
    }
}
