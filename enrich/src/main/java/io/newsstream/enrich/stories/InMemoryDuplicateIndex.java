package io.newsstream.enrich.stories;

import java.util.List;

/** A {@link DuplicateIndex} in plain maps, for the offline path ({@code newsstream annotate}) and tests. */
public final class InMemoryDuplicateIndex implements DuplicateIndex {

    private final ExpiringMap<String, DuplicateEntry> entries = new ExpiringMap<>();
    private final ExpiringMap<Long, List<String>> buckets = new ExpiringMap<>();
    private long watermark = Times.NO_WATERMARK;

    @Override
    public DuplicateEntry get(String id) {
        return entries.get(id);
    }

    @Override
    public List<String> bucket(long bucket) {
        List<String> ids = buckets.get(bucket);
        return ids == null ? List.of() : ids;
    }

    @Override
    public void put(DuplicateEntry entry, long[] keys, int bucketCap, long expiresAt) {
        entries.put(entry.id(), entry, expiresAt);
        for (long k : keys) {
            buckets.put(k, Caps.append(buckets.get(k), entry.id(), bucketCap), expiresAt);
        }
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
    public void expire(long now) {
        entries.expire(now);
        buckets.expire(now);
    }

    /** Originals held, for tests and measurements. */
    public int size() {
        return entries.size();
    }
}
