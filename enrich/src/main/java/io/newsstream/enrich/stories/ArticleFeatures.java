package io.newsstream.enrich.stories;

import io.newsstream.common.model.StoryRef;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What story assignment keeps of one article: enough to compare a later article with it, and to answer a
 * redelivery of the same id with the same story.
 *
 * @param id          article id
 * @param story       the story it was assigned
 * @param seenAt      ingest time, epoch milliseconds
 * @param publishedAt publication time, epoch milliseconds, or null when unknown
 * @param language    ISO 639-1 code of the article's language, or null when unknown
 * @param entities    stable entity id to salience, the most salient few, most salient first
 * @param content     term counts of the content words of headline and body, as
 *                    {@link TextFeatures#termCounts} gives them ({@code [key, count, ...]}); empty in state
 * @param names       the keys of its entities' names to entity id ({@link Spellings#ofEntities}); empty in state
 * @param spellings   for an article in Hangul, the keys of its words ({@link Spellings#ofText}); else empty
 * @param year        the latest calendar year the article can be placed in: its publication year when known,
 *                    else the latest year its headline or body names ({@link TextFeatures#latestYear}); 0 when
 *                    neither is known
 */
public record ArticleFeatures(String id, StoryRef story, long seenAt, Long publishedAt, String language,
                              Map<String, Double> entities, int[] content, Map<Integer, String> names,
                              int[] spellings, int year) {

    public ArticleFeatures {
        entities = Collections.unmodifiableMap(new LinkedHashMap<>(entities));
        names = names == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(names));
        spellings = spellings == null ? new int[0] : spellings;
    }

    /** Features with no year known. */
    public ArticleFeatures(String id, StoryRef story, long seenAt, Long publishedAt, String language,
                           Map<String, Double> entities, int[] content, Map<Integer, String> names, int[] spellings) {
        this(id, story, seenAt, publishedAt, language, entities, content, names, spellings, 0);
    }

    /** Features without name keys or spellings. */
    public ArticleFeatures(String id, StoryRef story, long seenAt, Long publishedAt, String language,
                           Map<String, Double> entities, int[] content) {
        this(id, story, seenAt, publishedAt, language, entities, content, Map.of(), new int[0]);
    }

    /** Features of an article whose language is not known. */
    public ArticleFeatures(String id, StoryRef story, long seenAt, Long publishedAt, Map<String, Double> entities,
                           int[] content) {
        this(id, story, seenAt, publishedAt, null, entities, content);
    }
}
