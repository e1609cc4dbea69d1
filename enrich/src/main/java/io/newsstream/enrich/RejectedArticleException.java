package io.newsstream.enrich;

/**
 * An article that cannot be enriched as it is (no text, over the size limit, not an article). The
 * message is the reason a person reads on the dead-letter topic or in {@code annotate}'s output.
 */
public final class RejectedArticleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RejectedArticleException(String reason) {
        super(reason);
    }
}
