package io.newsstream.enrich.stories;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A hash map whose entries each carry an expiry time, with removal of everything expired in time
 * order: the in-memory counterpart of the prefixed, time-indexed state store the topology uses.
 *
 * @param <K> key type
 * @param <V> value type
 */
final class ExpiringMap<K, V> {

    private record Slot<V>(V value, long expiresAt) {
    }

    private final Map<K, Slot<V>> entries = new HashMap<>();
    private final TreeMap<Long, Set<K>> byExpiry = new TreeMap<>();

    V get(K key) {
        Slot<V> s = entries.get(key);
        return s == null ? null : s.value();
    }

    void put(K key, V value, long expiresAt) {
        Slot<V> old = entries.put(key, new Slot<>(value, expiresAt));
        if (old != null && old.expiresAt() != expiresAt) {
            unindex(key, old.expiresAt());
        }
        byExpiry.computeIfAbsent(expiresAt, t -> new LinkedHashSet<>()).add(key);
    }

    void remove(K key) {
        Slot<V> old = entries.remove(key);
        if (old != null) {
            unindex(key, old.expiresAt());
        }
    }

    /** Removes every entry expiring at or before {@code now}; returns their keys. */
    List<K> expire(long now) {
        List<K> removed = new ArrayList<>();
        while (!byExpiry.isEmpty() && byExpiry.firstKey() <= now) {
            for (K k : byExpiry.pollFirstEntry().getValue()) {
                entries.remove(k);
                removed.add(k);
            }
        }
        return removed;
    }

    int size() {
        return entries.size();
    }

    private void unindex(K key, long expiresAt) {
        Set<K> keys = byExpiry.get(expiresAt);
        if (keys != null) {
            keys.remove(key);
            if (keys.isEmpty()) {
                byExpiry.remove(expiresAt);
            }
        }
    }
}
