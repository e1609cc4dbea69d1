package io.newsstream.sink;

import io.newsstream.common.model.EntityType;

/**
 * One entity of one article, re-keyed by entity id on the way to the window counts.
 *
 * @param articleId article id
 * @param name      canonical name
 * @param type      entity type
 * @param mentions  mentions in that article
 * @param outlet    the article's outlet, may be null
 * @param sentiment the entity's sentiment score in that article
 */
record EntityMention(String articleId, String name, EntityType type, int mentions, String outlet, double sentiment) {
}
