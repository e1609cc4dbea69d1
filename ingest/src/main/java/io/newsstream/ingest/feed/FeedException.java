package io.newsstream.ingest.feed;

/** A feed that cannot be read, with a message that says why. */
public final class FeedException extends Exception {

    public FeedException(String message) {
        super(message);
    }
}
