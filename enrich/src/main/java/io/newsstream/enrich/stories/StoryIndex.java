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

    /**
     * Ids of the entities whose name recently had key {@code nameKey} ({@link Spellings}), oldest first.
     * Kept in the bucket space, apart from the term buckets (whose keys are 32-bit term keys).
     */
    default List<String> entitiesNamed(int nameKey) {
        return storiesInBucket(nameBucket(nameKey));
    }

    /** Adds {@code entityId} to the entities named by {@code nameKey}, keeping the newest {@code cap}. */
    default void addEntityName(int nameKey, String entityId, int cap, long expiresAt) {
        addStoryToBucket(nameBucket(nameKey), entityId, cap, expiresAt);
    }

    /** Ids of the stories that recently took an article in Hangul with a word of key {@code spellingKey}, oldest first. */
    default List<String> storiesSpelling(int spellingKey) {
        return storiesInBucket(spellingBucket(spellingKey));
    }

    /** Adds {@code storyId} to the stories spelling {@code spellingKey}, keeping the newest {@code cap}. */
    default void addStorySpelling(int spellingKey, String storyId, int cap, long expiresAt) {
        addStoryToBucket(spellingBucket(spellingKey), storyId, cap, expiresAt);
    }

    /** A bucket no term has: bit 32 set (a term bucket is a sign-extended int). */
    private static long nameBucket(int nameKey) {
        return (1L << 32) | (nameKey & 0xffffffffL);
    }

    /** A bucket neither a term nor a name has: bit 33 set. */
    private static long spellingBucket(int spellingKey) {
        return (2L << 32) | (spellingKey & 0xffffffffL);
    }

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
