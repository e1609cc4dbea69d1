package io.newsstream.common.model;

/**
 * The story an article belongs to.
 *
 * @param id          story id, shared by every article about the same real-world event
 * @param duplicateOf id of the first copy seen when this article is a (near-)verbatim copy, else null
 * @param similarity  similarity to the story (or to the copy it duplicates), 0..1
 */
public record StoryRef(String id, String duplicateOf, double similarity) {
}
