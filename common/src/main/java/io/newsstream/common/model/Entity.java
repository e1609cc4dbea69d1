package io.newsstream.common.model;

import java.util.List;

/**
 * One canonical named entity of an article: every surface form of one real-world entity.
 *
 * @param id        stable across articles: the same canonical entity has the same id everywhere
 * @param name      canonical (fullest) name
 * @param type      type by vote across mentions
 * @param mentions  how many times the article mentions it
 * @param aliases   the surface forms seen, canonical name excluded
 * @param salience  0..1, how central it is to the article
 * @param sentiment tone of the sentences that mention it
 * @param spans     character offsets of each mention into the text
 */
public record Entity(
        String id,
        String name,
        EntityType type,
        int mentions,
        List<String> aliases,
        double salience,
        EntitySentiment sentiment,
        List<Span> spans) {

    public Entity {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        spans = spans == null ? List.of() : List.copyOf(spans);
    }
}
