package io.newsstream.ingest.publish;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;

/**
 * The article ids a process has published (or found on the raw topic at start), so it never
 * publishes one twice. Bounded: past {@code capacity} ids the oldest are forgotten, which keeps
 * memory flat on endless feeds and backfills; a forgotten id published again is still harmless
 * downstream, since records are keyed by id. Thread-safe.
 *
 * <p>Compact: an id is kept as a 64-bit fingerprint (the first 8 bytes of its SHA-256) in an
 * open-addressing table of {@code long}s, with a ring of the same fingerprints in arrival order for
 * forgetting the oldest and, per table slot, where in the ring its entry sits (so a ring entry left
 * behind by {@link #remove} is told from the live one): about 41 MB for the default million,
 * whatever the ids' length. Two
 * different ids share a fingerprint with probability about {@code n / 2^64} per new id (below
 * 10<sup>-13</sup> at a million ids); such an id would be counted as a duplicate and not published.
 */
public final class SeenIds {

    /** One million ids: about 41 MB, and months of a busy newsroom's output. */
    public static final int DEFAULT_CAPACITY = 1_000_000;

    /** The empty slot; a fingerprint of 0 is stored as 1. */
    private static final long EMPTY = 0L;

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    });

    private final int capacity;
    /** Open addressing with linear probing; at most half full. */
    private final long[] table;
    /** For each occupied table slot, the ring index of its live entry. */
    private final int[] ringIndex;
    private final int mask;
    /**
     * Fingerprints in the order they were added; {@code head} is the oldest. It may also hold stale
     * entries (removed ids, or an id removed and added again, whose live entry is the later one).
     */
    private final long[] ring;
    private int head;
    private int ringSize;
    /** Ids known now: at most {@code capacity}. */
    private int size;

    public SeenIds() {
        this(DEFAULT_CAPACITY);
    }

    public SeenIds(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
        int slots = Integer.highestOneBit(Math.max(2, capacity) * 2 - 1) << 1;
        this.table = new long[slots];
        this.ringIndex = new int[slots];
        this.mask = slots - 1;
        this.ring = new long[2 * capacity];
    }

    /** Remembers {@code id}; true when it was not known yet (so the caller should publish). */
    public synchronized boolean add(String id) {
        long fp = fingerprint(id);
        if (find(fp) >= 0) {
            return false;
        }
        while (size == capacity) {
            // forget the oldest live id, dropping stale entries on the way
            int at = head;
            long oldest = ring[at];
            head = (head + 1) % ring.length;
            ringSize--;
            int slot = find(oldest);
            if (slot >= 0 && ringIndex[slot] == at) {
                delete(slot);
            }
        }
        if (ringSize == ring.length) {
            compactRing();
        }
        int at = (head + ringSize) % ring.length;
        ring[at] = fp;
        ringSize++;
        insert(fp, at);
        return true;
    }

    /** Remembers all of {@code known}. */
    public synchronized void addAll(Collection<String> known) {
        known.forEach(this::add);
    }

    public synchronized boolean contains(String id) {
        return find(fingerprint(id)) >= 0;
    }

    /** Forgets {@code id}, after its publication failed. */
    public synchronized void remove(String id) {
        int slot = find(fingerprint(id));
        if (slot >= 0) {
            delete(slot);
        }
    }

    public synchronized int size() {
        return size;
    }

    public int capacity() {
        return capacity;
    }

    static long fingerprint(String id) {
        byte[] d = SHA256.get().digest(id.getBytes(StandardCharsets.UTF_8));
        long fp = 0;
        for (int i = 0; i < 8; i++) {
            fp = (fp << 8) | (d[i] & 0xff);
        }
        return fp == EMPTY ? 1L : fp;
    }

    private int slot(long fp) {
        return (int) (fp ^ (fp >>> 32)) & mask;
    }

    private int find(long fp) {
        for (int i = slot(fp); ; i = (i + 1) & mask) {
            long v = table[i];
            if (v == EMPTY) {
                return -1;
            }
            if (v == fp) {
                return i;
            }
        }
    }

    private void insert(long fp, int at) {
        int i = slot(fp);
        while (table[i] != EMPTY) {
            i = (i + 1) & mask;
        }
        table[i] = fp;
        ringIndex[i] = at;
        size++;
    }

    /**
     * The ring (twice the capacity) is full of live and stale entries: keep only the live ones,
     * oldest first. At least half the ring is stale then, so this costs O(1) per addition amortised.
     */
    private void compactRing() {
        long[] live = new long[size];
        int n = 0;
        for (int k = 0; k < ringSize; k++) {
            int at = (head + k) % ring.length;
            int slot = find(ring[at]);
            if (slot >= 0 && ringIndex[slot] == at) {
                live[n++] = ring[at];
            }
        }
        head = 0;
        ringSize = n;
        for (int k = 0; k < n; k++) {
            ring[k] = live[k];
            ringIndex[find(live[k])] = k;
        }
    }

    /** Empties table slot {@code i}, shifting later entries of its probe run back (no tombstones). */
    private void delete(int i) {
        table[i] = EMPTY;
        size--;
        for (int j = (i + 1) & mask; table[j] != EMPTY; j = (j + 1) & mask) {
            int home = slot(table[j]);
            // move table[j] into the hole at i when its home slot is not between i (exclusive) and j (inclusive)
            boolean between = i <= j ? (home > i && home <= j) : (home > i || home <= j);
            if (!between) {
                table[i] = table[j];
                ringIndex[i] = ringIndex[j];
                table[j] = EMPTY;
                i = j;
            }
        }
    }
}
