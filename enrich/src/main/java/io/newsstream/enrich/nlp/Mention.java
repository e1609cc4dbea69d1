package io.newsstream.enrich.nlp;

import io.newsstream.common.model.EntityType;

/**
 * One mention of a named entity as a recogniser found it, before canonicalisation.
 *
 * @param text  the surface form as it appears in the text
 * @param type  the recogniser's type for this mention
 * @param start start offset (inclusive) into the text
 * @param end   end offset (exclusive) into the text
 */
public record Mention(String text, EntityType type, int start, int end) {
}
