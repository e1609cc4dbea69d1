package io.newsstream.enrich.stories;

import java.util.Arrays;
import java.util.Collection;

/**
 * MinHash signatures of sets of 64-bit feature hashes, and locality-sensitive hashing (LSH) bands over
 * them. The fraction of positions at which two signatures agree estimates the Jaccard similarity of
 * their sets; signatures that agree on every row of at least one band share a bucket, which is how
 * candidates are found without comparing against every stored article.
 *
 * <p>Every hash is a fixed function of its input and the hasher's seed, so signatures and buckets are
 * the same on every JVM, thread and run: a replay computes the same buckets.
 */
public final class MinHasher {

    private final int size;
    private final int bands;
    private final int rows;
    private final long[] seeds;

    /**
     * @param size  positions in a signature
     * @param bands how many LSH bands
     * @param rows  rows (hash positions) per band; the bands cover the first {@code bands * rows} positions
     * @param seed  distinguishes this hasher's hash family from another's
     */
    public MinHasher(int size, int bands, int rows, long seed) {
        if (bands < 1 || rows < 1 || bands * rows > size) {
            throw new IllegalArgumentException("bands and rows must be positive and fit in the signature");
        }
        this.bands = bands;
        this.rows = rows;
        this.size = size;
        this.seeds = new long[size];
        long s = seed;
        for (int i = 0; i < size; i++) {
            s += 0x9E3779B97F4A7C15L;
            seeds[i] = mix(s);
        }
    }

    /** Positions in a signature. */
    public int size() {
        return size;
    }

    /** The signature of a set given by its feature hashes; an empty set gives a signature of maxima. */
    public int[] signature(Collection<Long> features) {
        int[] sig = new int[size];
        Arrays.fill(sig, Integer.MAX_VALUE);
        for (long f : features) {
            for (int i = 0; i < size; i++) {
                // upper 31 bits of a 64-bit mix: a non-negative int, so comparisons need no unsigned care
                int h = (int) (mix(f ^ seeds[i]) >>> 33);
                if (h < sig[i]) {
                    sig[i] = h;
                }
            }
        }
        return sig;
    }

    /** Estimated Jaccard similarity of the sets behind two signatures of this hasher, in [0, 1]. */
    public static double similarity(int[] a, int[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("signatures of different sizes: " + a.length + " and " + b.length);
        }
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return a.length == 0 ? 0.0 : (double) same / a.length;
    }

    /** One bucket key per band: two signatures share a key only if they agree on that whole band. */
    public long[] buckets(int[] signature) {
        long[] out = new long[bands];
        for (int b = 0; b < bands; b++) {
            long h = mix(0x5851F42D4C957F2DL * (b + 1));
            for (int r = 0; r < rows; r++) {
                h = mix(h ^ signature[b * rows + r]);
            }
            out[b] = h;
        }
        return out;
    }

    /** A stable 64-bit hash of a string (FNV-1a over its UTF-16 units, then mixed). */
    public static long hash(CharSequence s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    /** The splitmix64 finaliser: a cheap, well-spread bijection on 64-bit values. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
