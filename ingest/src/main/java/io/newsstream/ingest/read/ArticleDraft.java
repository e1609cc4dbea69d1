package io.newsstream.ingest.read;

import io.newsstream.common.ids.ArticleIds;
import io.newsstream.common.ids.CanonicalUrl;
import io.newsstream.common.model.Source;
import io.newsstream.ingest.extract.ExtractedPage;
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

    /**
     * A draft of the article a {@link io.newsstream.ingest.extract.PageExtractor} found in a web page:
     * its title, date and language, the outlet's name and the page's address — its canonical address
     * ({@code link rel=canonical}, {@code og:url}) when it declares an absolute one, else {@code url},
     * where it came from — in normal form ({@link CanonicalUrl}). The id is derived from that address
     * ({@link ArticleIds#fromUrl}), so a page seen twice is one article; a page with no web address (a
     * saved file that declares none) keeps the text-derived id. The text is already plain text, never
     * read as HTML again.
     *
     * @param url the address the page was fetched from, or null (a file on disk)
     */
    public static ArticleDraft webPage(ExtractedPage page, String url) {
        String address = CanonicalUrl.normalise(page.canonicalUrl());
        if (address == null) {
            address = CanonicalUrl.normalise(url);
        }
        Source source = page.siteName() == null && address == null ? null : new Source(page.siteName(), address);
        return new ArticleDraft(ArticleIds.fromUrl(address), page.title(), page.text(), source, page.publishedAt(),
                page.language(), true, page.warnings());
    }

    /** A draft of plain text with no metadata (a .txt file). */
    public static ArticleDraft plainText(String text) {
        return new ArticleDraft(null, null, text, null, null, null, true, List.of());
    }
}
