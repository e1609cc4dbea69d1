package io.newsstream.enrich.stories;

import java.util.ArrayList;
import java.util.List;

/** A {@link StoryIndex} in plain maps, for the offline path ({@code newsstream annotate}) and measurements. */
public final class InMemoryStoryIndex implements StoryIndex {

    private final ExpiringMap<String, ArticleFeatures> articles = new ExpiringMap<>();
    private final ExpiringMap<String, StoryState> stories = new ExpiringMap<>();
    private final ExpiringMap<String, List<String>> postings = new ExpiringMap<>();
    private final ExpiringMap<Long, List<String>> buckets = new ExpiringMap<>();
    private final ExpiringMap<Integer, Integer> frequencies = new ExpiringMap<>();
    private long documents;
    private long watermark = Times.NO_WATERMARK;

    @Override
    public ArticleFeatures article(String id) {
        return articles.get(id);
    }

    @Override
    public void putArticle(ArticleFeatures article, long expiresAt) {
        articles.put(article.id(), article, expiresAt);
    }

    @Override
    public StoryState story(String id) {
        return stories.get(id);
    }

    @Override
    public void putStory(StoryState story, long expiresAt) {
        stories.put(story.id(), story, expiresAt);
    }

    @Override
    public List<String> storiesWithEntity(String entityId) {
        List<String> l = postings.get(entityId);
        return l == null ? List.of() : l;
    }

    @Override
    public void addStoryToEntity(String entityId, String storyId, int cap, long expiresAt) {
        postings.put(entityId, Caps.append(postings.get(entityId), storyId, cap), expiresAt);
    }

    @Override
    public List<String> storiesInBucket(long bucket) {
        List<String> l = buckets.get(bucket);
        return l == null ? List.of() : l;
    }

    @Override
    public void addStoryToBucket(long bucket, String storyId, int cap, long expiresAt) {
        buckets.put(bucket, Caps.append(buckets.get(bucket), storyId, cap), expiresAt);
    }

    @Override
    public long documents() {
        return documents;
    }

    @Override
    public int documentFrequency(int key) {
        Integer f = frequencies.get(key);
        return f == null ? 0 : f;
    }

    @Override
    public int[] countDocument(int[] keys, long expiresAt) {
        documents++;
        int[] out = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            out[i] = documentFrequency(keys[i]) + 1;
            frequencies.put(keys[i], out[i], expiresAt);
        }
        return out;
    }

    @Override
    public long watermark() {
        return watermark;
    }

    @Override
    public void watermark(long watermark) {
        this.watermark = watermark;
    }

    @Override
    public List<String> expire(long now) {
        stories.expire(now);
        postings.expire(now);
        buckets.expire(now);
        frequencies.expire(now);
        return new ArrayList<>(articles.expire(now));
    }

    /** Articles held. */
    public int articles() {
        return articles.size();
    }

    /** Stories held. */
    public int stories() {
        return stories.size();
    }
}
