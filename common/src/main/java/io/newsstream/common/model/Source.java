package io.newsstream.common.model;

/**
 * Where an article was published: the outlet's name and the article's address, either may be null.
 */
public record Source(String name, String url) {
    /** A source that says nothing, for articles whose origin is not known. */
    public static final Source UNKNOWN = new Source(null, null);
}
