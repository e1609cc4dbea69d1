package io.newsstream.ingest.extract;

/**
 * Where callers get a {@link PageExtractor}: {@link #standard()} is the one {@code ingest} uses for
 * files, URLs and feed entries alike, so every way in extracts a page the same way.
 */
public final class PageExtractors {

    private static final PageExtractor STANDARD = new ArticleExtractor();

    private PageExtractors() {
    }

    /** The default extractor: thread-safe and stateless, so one instance serves every caller. */
    public static PageExtractor standard() {
        return STANDARD;
    }
}
