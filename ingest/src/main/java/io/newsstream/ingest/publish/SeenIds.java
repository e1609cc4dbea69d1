package io.newsstream.ingest.publish;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The article ids a process has published (or found on the raw topic at start), so it never
 * publishes one twice. Bounded: past {@code capacity} ids the oldest are forgotten, which keeps
 * memory flat on endless feeds; a forgotten id published again is still harmless downstream, since
 * records are keyed by id. Thread-safe.
 */
public final class SeenIds {

    /** One million ids: about 150 MB in the worst case, and months of a busy newsroom's output. */
    public static final int DEFAULT_CAPACITY = 1_000_000;

    private final int capacity;
    private final Map<String, Boolean> ids;

    public SeenIds() {
        this(DEFAULT_CAPACITY);
    }

    public SeenIds(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
        this.ids = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > SeenIds.this.capacity;
            }
        };
    }

    /** Remembers {@code id}; true when it was not known yet (so the caller should publish). */
    public synchronized boolean add(String id) {
        return ids.put(id, Boolean.TRUE) == null;
    }

    /** Remembers all of {@code known}. */
    public synchronized void addAll(Collection<String> known) {
        known.forEach(id -> ids.put(id, Boolean.TRUE));
    }

    public synchronized boolean contains(String id) {
        return ids.containsKey(id);
    }

    /** Forgets {@code id}, after its publication failed. */
    public synchronized void remove(String id) {
        ids.remove(id);
    }

    public synchronized int size() {
        return ids.size();
    }

    public int capacity() {
        return capacity;
    }
}
