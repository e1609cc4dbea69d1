package io.newsstream.enrich.stories;

import java.util.List;
import java.util.Objects;

/**
 * A {@link DuplicateIndex} in a Kafka Streams key-value store (through {@link ExpiringStore}): changelogged
 * and restored like any state store. Keys: {@code d/<article>}, {@code b/<bucket>}, {@code m/dedupe-watermark}.
 */
public final class StoreDuplicateIndex implements DuplicateIndex {

    private static final String WATERMARK = "m/dedupe-watermark";
    private final ExpiringStore store;

    public StoreDuplicateIndex(ExpiringStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public DuplicateEntry get(String id) {
        byte[] v = store.get("d/" + id);
        return v == null ? null : Codec.duplicateEntry(v);
    }

    @Override
    public List<String> bucket(long bucket) {
        return Codec.strings(store.get("b/" + Long.toHexString(bucket)));
    }

    @Override
    public void put(DuplicateEntry entry, long[] buckets, int bucketCap, long expiresAt) {
        store.put("d/" + entry.id(), Codec.duplicateEntry(entry), expiresAt);
        for (long b : buckets) {
            store.put("b/" + Long.toHexString(b), Codec.strings(Caps.append(bucket(b), entry.id(), bucketCap)), expiresAt);
        }
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
    public void expire(long now) {
        store.expire(now);
    }
}
