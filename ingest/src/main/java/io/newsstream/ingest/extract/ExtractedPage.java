package io.newsstream.ingest.extract;

import java.time.Instant;
import java.util.List;

/**
 * The article a {@link PageExtractor} found in a web page.
 *
 * @param title        headline, or null
 * @param text         body paragraphs separated by a blank line, furniture removed; empty when the
 *                     page holds no article
 * @param publishedAt  publication time from the page's metadata, or null
 * @param canonicalUrl the page's canonical address ({@code link rel=canonical}, {@code og:url}), or null
 * @param siteName     outlet name ({@code og:site_name}, publisher metadata), or null
 * @param language     ISO 639-1 language the page declares ({@code html lang}, {@code og:locale}), or null
 * @param warnings     what the extractor noticed and worked around
 */
public record ExtractedPage(
        String title,
        String text,
        Instant publishedAt,
        String canonicalUrl,
        String siteName,
        String language,
        List<String> warnings) {

    public ExtractedPage {
        text = text == null ? "" : text;
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** Whether any article text was found. */
    public boolean hasArticle() {
        return !text.isBlank();
    }
}
