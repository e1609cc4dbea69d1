package io.newsstream.ingest.publish;

/** An article could not be written to its sink; the message names the topic and the broker's reason. */
public final class PublishException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
