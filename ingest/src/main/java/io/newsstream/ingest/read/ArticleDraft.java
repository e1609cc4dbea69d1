package io.newsstream.ingest.read;

import io.newsstream.common.model.Source;
import java.time.Instant;
import java.util.List;

/**
 * The fields of one article as a reader found them, before cleaning and validation by
 * {@link ArticleNormaliser}.
 *
 * @param id          id given by the source, or null
 * @param title       title as given (may contain markup), or null
 * @param text        body as given (plain text or HTML), or null
 * @param source      outlet and address, or null
 * @param publishedAt publication time, or null
 * @param language    language hint as given, or null
 * @param plainText   true when the text came from a plain-text source (a .txt file, a text/plain
 *                    body), so its first lines may carry a title and a date
 * @param warnings    what the reader repaired or ignored so far
 */
public record ArticleDraft(
        String id,
        String title,
        String text,
        Source source,
        Instant publishedAt,
        String language,
        boolean plainText,
        List<String> warnings) {

    public ArticleDraft {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** A draft of plain text with no metadata (a .txt file). */
    public static ArticleDraft plainText(String text) {
        return new ArticleDraft(null, null, text, null, null, null, true, List.of());
    }
}
