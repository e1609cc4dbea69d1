package io.newsstream.enrich.stories;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Entries with an expiry time in one Kafka Streams key-value store, so they are changelogged and
 * restored with the task. Each value is stored behind its 8-byte expiry time, and a time index
 * ({@code x/<zero-padded expiry>/<key>}) lets {@link #expire(long)} remove what is due with one ordered
 * range scan instead of a full scan. Expiry times are rounded up to {@link #GRANULARITY_MS}, so an entry
 * rewritten often (a posting list) keeps its index key and costs one write, not three.
 */
public final class ExpiringStore {

    /** Expiry times are rounded up to a multiple of this (one minute). */
    static final long GRANULARITY_MS = 60_000L;
    private static final String INDEX = "x/";
    private static final byte[] EMPTY = new byte[0];

    private final KeyValueStore<String, byte[]> store;
    private BiConsumer<String, byte[]> onExpire = (k, v) -> { };

    public ExpiringStore(KeyValueStore<String, byte[]> store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Called with the key and payload of each entry {@link #expire(long)} removes. */
    public void onExpire(BiConsumer<String, byte[]> listener) {
        this.onExpire = Objects.requireNonNull(listener, "listener");
    }

    /** The payload under {@code key}, or null. */
    public byte[] get(String key) {
        byte[] v = store.get(key);
        return v == null ? null : Arrays.copyOfRange(v, 8, v.length);
    }

    /** Stores {@code payload} under {@code key} until {@code expiresAt} (epoch milliseconds). */
    public void put(String key, byte[] payload, long expiresAt) {
        expiresAt = roundUp(expiresAt);
        reindex(key, store.get(key), expiresAt);
        store.put(key, ByteBuffer.allocate(8 + payload.length).putLong(expiresAt).put(payload).array());
    }

    /**
     * Adds one to the counter under {@code key} (0 when absent) and keeps it until {@code expiresAt}: one
     * read and one write, where {@link #get} then {@link #put} would read twice.
     *
     * @return the count after adding
     */
    public int increment(String key, long expiresAt) {
        expiresAt = roundUp(expiresAt);
        byte[] old = store.get(key);
        int count = old == null ? 1 : ByteBuffer.wrap(old).getInt(8) + 1;
        reindex(key, old, expiresAt);
        store.put(key, ByteBuffer.allocate(12).putLong(expiresAt).putInt(count).array());
        return count;
    }

    /** Moves {@code key}'s time-index entry from the expiry stored in {@code old} (null: none) to {@code expiresAt}. */
    private void reindex(String key, byte[] old, long expiresAt) {
        long oldExpiry = old == null ? Long.MIN_VALUE : ByteBuffer.wrap(old).getLong();
        if (oldExpiry != expiresAt) {
            if (old != null) {
                store.delete(indexKey(oldExpiry, key));
            }
            store.put(indexKey(expiresAt, key), EMPTY);
        }
    }

    public void delete(String key) {
        byte[] old = store.delete(key);
        if (old != null) {
            store.delete(indexKey(ByteBuffer.wrap(old).getLong(), key));
        }
    }

    /** Removes every entry expiring at or before {@code now}, oldest first; returns their keys. */
    public List<String> expire(long now) {
        List<String> due = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = store.range(INDEX, INDEX + pad(Math.max(0, now)) + "/\uffff")) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> kv = it.next();
                due.add(kv.key);
            }
        }
        List<String> removed = new ArrayList<>(due.size());
        for (String indexKey : due) {
            store.delete(indexKey);
            String key = indexKey.substring(INDEX.length() + 20);
            byte[] v = store.delete(key);
            if (v != null) {
                removed.add(key);
                onExpire.accept(key, Arrays.copyOfRange(v, 8, v.length));
            }
        }
        return removed;
    }

    /** A small value that does not expire (the watermark). */
    public long getLong(String key, long otherwise) {
        byte[] v = store.get(key);
        return v == null ? otherwise : ByteBuffer.wrap(v).getLong();
    }

    public void putLong(String key, long value) {
        store.put(key, ByteBuffer.allocate(8).putLong(value).array());
    }

    private static String indexKey(long expiresAt, String key) {
        return INDEX + pad(Math.max(0, expiresAt)) + "/" + key;
    }

    private static long roundUp(long t) {
        long r = Math.floorMod(t, GRANULARITY_MS);
        return r == 0 ? t : t - r + GRANULARITY_MS;
    }

    private static String pad(long t) {
        String digits = Long.toString(t);
        return "0".repeat(19 - digits.length()) + digits;
    }
}
