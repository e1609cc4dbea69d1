package io.newsstream.enrich.stories;

import java.util.List;

/**
 * Storage behind {@link StoryAssigner}: articles and stories by id, stories by entity (posting lists)
 * and by term (buckets), and the stream's own document frequencies, every entry with an expiry time. {@link InMemoryStoryIndex} serves
 * the offline path; the topology uses a state-store-backed index whose changes are changelogged.
 */
public interface StoryIndex {

    ArticleFeatures article(String id);

    void putArticle(ArticleFeatures article, long expiresAt);

    StoryState story(String id);

    void putStory(StoryState story, long expiresAt);

    /** Ids of the stories that recently took an article naming {@code entityId}, oldest first. */
    List<String> storiesWithEntity(String entityId);

    /** Adds {@code storyId} to the posting list of {@code entityId}, keeping the newest {@code cap}. */
    void addStoryToEntity(String entityId, String storyId, int cap, long expiresAt);

    /** Ids of the stories that recently took an article filed under {@code bucket} (a term), oldest first. */
    List<String> storiesInBucket(long bucket);

    /** Adds {@code storyId} to bucket {@code bucket}, keeping the newest {@code cap}. */
    void addStoryToBucket(long bucket, String storyId, int cap, long expiresAt);

    /** Articles counted by {@link #countDocument}: the N of inverse document frequency. */
    long documents();

    /** Articles counted with feature {@code key} among their features and not yet forgotten. */
    int documentFrequency(int key);

    /**
     * Counts one article with the features {@code keys} (each once): the document count and each key's
     * frequency go up by one; a key's frequency is forgotten at {@code expiresAt} unless counted again.
     *
     * @return each key's frequency after counting, in the order of {@code keys}
     */
    int[] countDocument(int[] keys, long expiresAt);

    /** The latest ingest time seen, epoch milliseconds. */
    long watermark();

    void watermark(long watermark);

    /** Forgets every entry expiring at or before {@code now}; returns the ids of the articles forgotten. */
    List<String> expire(long now);
}
