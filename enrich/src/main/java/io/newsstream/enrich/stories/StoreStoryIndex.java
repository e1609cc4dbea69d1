package io.newsstream.enrich.stories;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@link StoryIndex} in a Kafka Streams key-value store (through {@link ExpiringStore}), so story state
 * is changelogged, restored on another instance after a failure, and committed atomically with the
 * output under exactly-once. Keys: {@code a/<article>}, {@code s/<story>}, {@code n/<entity>} (posting
 * lists), {@code c/<bucket>} (term buckets), {@code d/<key>} (document frequencies),
 * {@code m/story-documents} and {@code m/story-watermark}.
 */
public final class StoreStoryIndex implements StoryIndex {

    private static final String WATERMARK = "m/story-watermark";
    private static final String DOCUMENTS = "m/story-documents";
    private final ExpiringStore store;

    public StoreStoryIndex(ExpiringStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public ArticleFeatures article(String id) {
        byte[] v = store.get("a/" + id);
        return v == null ? null : Codec.articleFeatures(v);
    }

    @Override
    public void putArticle(ArticleFeatures article, long expiresAt) {
        store.put("a/" + article.id(), Codec.articleFeatures(article), expiresAt);
    }

    @Override
    public StoryState story(String id) {
        byte[] v = store.get("s/" + id);
        return v == null ? null : Codec.story(v);
    }

    @Override
    public void putStory(StoryState story, long expiresAt) {
        store.put("s/" + story.id(), Codec.story(story), expiresAt);
    }

    @Override
    public List<String> storiesWithEntity(String entityId) {
        return Codec.strings(store.get("n/" + entityId));
    }

    @Override
    public void addStoryToEntity(String entityId, String storyId, int cap, long expiresAt) {
        store.put("n/" + entityId, Codec.strings(Caps.append(storiesWithEntity(entityId), storyId, cap)), expiresAt);
    }

    @Override
    public List<String> storiesInBucket(long bucket) {
        return Codec.strings(store.get("c/" + Long.toHexString(bucket)));
    }

    @Override
    public void addStoryToBucket(long bucket, String storyId, int cap, long expiresAt) {
        store.put("c/" + Long.toHexString(bucket), Codec.strings(Caps.append(storiesInBucket(bucket), storyId, cap)),
                expiresAt);
    }

    @Override
    public long documents() {
        return store.getLong(DOCUMENTS, 0);
    }

    @Override
    public int documentFrequency(int key) {
        byte[] v = store.get("d/" + Integer.toHexString(key));
        return v == null ? 0 : ByteBuffer.wrap(v).getInt();
    }

    @Override
    public int[] countDocument(int[] keys, long expiresAt) {
        store.putLong(DOCUMENTS, documents() + 1);
        int[] out = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            out[i] = store.increment("d/" + Integer.toHexString(keys[i]), expiresAt);
        }
        return out;
    }

    @Override
    public long watermark() {
        return store.getLong(WATERMARK, Times.NO_WATERMARK);
    }

    @Override
    public void watermark(long watermark) {
        if (watermark != watermark()) {
            store.putLong(WATERMARK, watermark);
        }
    }

    @Override
    public List<String> expire(long now) {
        List<String> articles = new ArrayList<>();
        for (String key : store.expire(now)) {
            if (key.startsWith("a/")) {
                articles.add(key.substring(2));
            }
        }
        return articles;
    }
}
