package io.newsstream.enrich.stories;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bounded, in-process memory of the most recent originals, which the parallel enrichment step reads to
 * skip the models for an article that is likely a near-verbatim copy of one of them.
 *
 * <p>It is a hint, not state. The story step, which sees every article in one order, decides what is a
 * copy and whose enrichment it gets; it also fills these hints as it meets each original. A hint that is
 * missing (after a restart, in an enrich process that does not run the story step, or for a copy that
 * comes right behind its original) costs one enrichment of the copy, whose output is then replaced by the
 * original's anyway. A hint the story step does not confirm costs one enrichment on the story step. So
 * what is written never depends on the hints, only how much model time it takes.
 *
 * <p>Thread-safe: the story task writes, every enrichment task reads.
 */
public final class CopyHints {

    /** Originals held: a few minutes of a busy stream, where copies of wire stories cluster. */
    public static final int DEFAULT_CAPACITY = 10_000;

    private record Held(DuplicateEntry entry, long[] buckets, long expiresAt) {
    }

    private final int capacity;
    /** In insertion order, so the eldest goes first when full. */
    private final LinkedHashMap<String, Held> held = new LinkedHashMap<>();
    /** The newest original in each LSH bucket. */
    private final Map<Long, String> byBucket = new HashMap<>();

    public CopyHints() {
        this(DEFAULT_CAPACITY);
    }

    public CopyHints(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
    }

    /** Remembers original {@code id} with body {@code content}, seen at {@code seenAt}, until {@code expiresAt} (epoch ms). */
    public synchronized void remember(String id, NearDuplicateDetector.Content content, long seenAt, long expiresAt) {
        Held old = held.remove(id);
        if (old != null) {
            unlink(id, old);
        }
        long[] buckets = NearDuplicateDetector.buckets(content.signature());
        held.put(id, new Held(new DuplicateEntry(id, seenAt, content.shingles(), content.signature()), buckets, expiresAt));
        for (long b : buckets) {
            byBucket.put(b, id);
        }
        Iterator<Map.Entry<String, Held>> eldest = held.entrySet().iterator();
        while (held.size() > capacity) {
            Map.Entry<String, Held> e = eldest.next();
            eldest.remove();
            unlink(e.getKey(), e.getValue());
        }
    }

    /**
     * The id of a remembered original, other than {@code id} and not expired at {@code at}, that
     * {@code content} is a near-verbatim copy of; null when there is none.
     */
    public synchronized String copyOf(String id, NearDuplicateDetector.Content content, long at) {
        List<DuplicateEntry> candidates = new ArrayList<>();
        for (long b : NearDuplicateDetector.buckets(content.signature())) {
            String other = byBucket.get(b);
            Held h = other == null || other.equals(id) ? null : held.get(other);
            if (h != null && h.expiresAt() > at && !candidates.contains(h.entry())) {
                candidates.add(h.entry());
            }
        }
        return NearDuplicateDetector.best(content, candidates).duplicateOf();
    }

    /** How many originals are held. */
    public synchronized int size() {
        return held.size();
    }

    private void unlink(String id, Held h) {
        for (long b : h.buckets()) {
            byBucket.remove(b, id);
        }
    }
}
