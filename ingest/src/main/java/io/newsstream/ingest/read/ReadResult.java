package io.newsstream.ingest.read;

import io.newsstream.common.model.RawArticle;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of reading one input (a file, one line of a JSON Lines file, one HTTP body): either an
 * article ready to publish, or the reason it was rejected. Warnings name things that were repaired or
 * ignored on the way (control characters removed, an unreadable date dropped).
 *
 * @param origin   where the input came from: a path, {@code path:line}, {@code stdin:line}, {@code http}
 * @param article  the article, null when rejected
 * @param error    why the input was rejected, null when accepted
 * @param warnings what was repaired or ignored, never null
 */
public record ReadResult(String origin, RawArticle article, String error, List<String> warnings) {

    public ReadResult {
        Objects.requireNonNull(origin, "origin");
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        if ((article == null) == (error == null)) {
            throw new IllegalArgumentException("a read result is either an article or an error");
        }
    }

    /** An accepted article. */
    public static ReadResult accepted(String origin, RawArticle article, List<String> warnings) {
        return new ReadResult(origin, Objects.requireNonNull(article, "article"), null, warnings);
    }

    /** A rejected input. */
    public static ReadResult rejected(String origin, String reason) {
        return new ReadResult(origin, null, Objects.requireNonNull(reason, "reason"), List.of());
    }

    /** A rejected input, keeping the warnings gathered before the rejection. */
    public static ReadResult rejected(String origin, String reason, List<String> warnings) {
        return new ReadResult(origin, null, Objects.requireNonNull(reason, "reason"), warnings);
    }

    /** Whether this is an article (not a rejection). */
    public boolean isAccepted() {
        return article != null;
    }

    /** One line for a person: {@code origin: reason}, or {@code origin: id} for an article. */
    public String describe() {
        return origin + ": " + (isAccepted() ? "article " + article.id() : error);
    }
}
