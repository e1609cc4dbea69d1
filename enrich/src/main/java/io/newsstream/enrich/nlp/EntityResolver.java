package io.newsstream.enrich.nlp;

import io.newsstream.common.model.Entity;
import java.util.List;

/**
 * Turns an article's raw mentions into canonical entities: merges surface forms of one real-world
 * entity, votes the type, computes salience, per-entity sentiment and a stable id. Implementations
 * are thread-safe.
 */
public interface EntityResolver {
    /**
     * @param text      the text the mentions' offsets refer to
     * @param mentions  the recogniser's mentions, in text order
     * @param sentences per-sentence tone of {@code text}
     * @return canonical entities, most salient first
     */
    List<Entity> resolve(String text, List<Mention> mentions, List<ScoredSentence> sentences);
}
