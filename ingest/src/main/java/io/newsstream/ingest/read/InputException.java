package io.newsstream.ingest.read;

/** An input cannot become an article; the message is the reason shown to the user. */
final class InputException extends Exception {
    private static final long serialVersionUID = 1L;

    InputException(String reason) {
        super(reason, null, false, false);
    }
}
