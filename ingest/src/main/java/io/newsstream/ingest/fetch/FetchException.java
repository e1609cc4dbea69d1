package io.newsstream.ingest.fetch;

/** A page could not be fetched; the message says why, in words for the user (the caller adds the address). */
public final class FetchException extends Exception {

    public FetchException(String message) {
        super(message);
    }
}
