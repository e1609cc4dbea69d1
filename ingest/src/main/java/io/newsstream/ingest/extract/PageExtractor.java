package io.newsstream.ingest.extract;

/**
 * Finds the article in one web page: its title, body paragraphs and metadata, with the page's
 * furniture (navigation, cookie notices, sidebars of other stories, embeds) left out.
 *
 * <p>Implementations only parse; they never fetch, execute scripts or follow links. Thread-safe.
 */
public interface PageExtractor {

    /**
     * @param html the page, already decoded to text
     * @param url  the address the page came from (base for relative links), or null when unknown
     * @return what was found; {@link ExtractedPage#hasArticle()} is false when the page holds no article
     */
    ExtractedPage extract(String html, String url);
}
