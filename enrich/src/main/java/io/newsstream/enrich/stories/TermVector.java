package io.newsstream.enrich.stories;

import java.util.Arrays;

/**
 * A sparse vector over 32-bit feature keys (hashed words or entities), keys ascending, so a dot product
 * is one merge. Immutable.
 */
public final class TermVector {

    /** The vector with no terms. */
    public static final TermVector EMPTY = new TermVector(new int[0], new float[0]);

    private final int[] keys;
    private final float[] weights;
    private final double norm;

    /** @param keys strictly ascending; {@code weights[i]} belongs to {@code keys[i]} */
    TermVector(int[] keys, float[] weights) {
        if (keys.length != weights.length) {
            throw new IllegalArgumentException("keys and weights differ in length");
        }
        this.keys = keys;
        this.weights = weights;
        double sq = 0;
        for (float w : weights) {
            sq += (double) w * w;
        }
        this.norm = Math.sqrt(sq);
    }

    /** A vector from unordered keys and their weights; a key given twice gets the sum of its weights. */
    static TermVector of(int[] keys, double[] weights) {
        Integer[] order = new Integer[keys.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Integer.compare(keys[x], keys[y]));
        int[] k = new int[keys.length];
        float[] w = new float[keys.length];
        int n = 0;
        for (Integer i : order) {
            if (n > 0 && k[n - 1] == keys[i]) {
                w[n - 1] += (float) weights[i];
            } else {
                k[n] = keys[i];
                w[n++] = (float) weights[i];
            }
        }
        return new TermVector(Arrays.copyOf(k, n), Arrays.copyOf(w, n));
    }

    public int size() {
        return keys.length;
    }

    int key(int i) {
        return keys[i];
    }

    float weight(int i) {
        return weights[i];
    }

    /** The weight of {@code key}, 0 when the vector does not have it. */
    public double weightOf(int key) {
        int i = Arrays.binarySearch(keys, key);
        return i < 0 ? 0 : weights[i];
    }

    /** Euclidean length. */
    public double norm() {
        return norm;
    }

    /** Dot product. */
    public double dot(TermVector o) {
        double sum = 0;
        int i = 0;
        int j = 0;
        while (i < keys.length && j < o.keys.length) {
            int a = keys[i];
            int b = o.keys[j];
            if (a == b) {
                sum += (double) weights[i++] * o.weights[j++];
            } else if (a < b) {
                i++;
            } else {
                j++;
            }
        }
        return sum;
    }

    /** Cosine similarity in [0, 1] for non-negative weights; 0 when either vector is empty. */
    public double cosine(TermVector o) {
        return norm == 0 || o.norm == 0 ? 0 : dot(o) / (norm * o.norm);
    }

    /** This vector scaled to unit length (the empty vector stays empty). */
    public TermVector unit() {
        if (norm == 0 || Math.abs(norm - 1) < 1e-6) {
            return this;
        }
        float[] w = new float[weights.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (weights[i] / norm);
        }
        return new TermVector(keys, w);
    }

    /** The sum of this vector and {@code o}, keeping the {@code max} heaviest terms (ties: lower key). */
    public TermVector plus(TermVector o, int max) {
        int[] k = new int[keys.length + o.keys.length];
        float[] w = new float[k.length];
        int n = 0;
        int i = 0;
        int j = 0;
        while (i < keys.length || j < o.keys.length) {
            if (j == o.keys.length || (i < keys.length && keys[i] < o.keys[j])) {
                k[n] = keys[i];
                w[n++] = weights[i++];
            } else if (i == keys.length || o.keys[j] < keys[i]) {
                k[n] = o.keys[j];
                w[n++] = o.weights[j++];
            } else {
                k[n] = keys[i];
                w[n++] = weights[i++] + o.weights[j++];
            }
        }
        return heaviest(Arrays.copyOf(k, n), Arrays.copyOf(w, n), max);
    }

    /** The keys of the {@code max} heaviest terms, heaviest first (ties: lower key first). */
    public int[] top(int max) {
        Integer[] order = byWeight(keys, weights);
        int n = Math.min(max, order.length);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = keys[order[i]];
        }
        return out;
    }

    private static TermVector heaviest(int[] k, float[] w, int max) {
        if (k.length <= max) {
            return new TermVector(k, w);
        }
        Integer[] order = byWeight(k, w);
        Integer[] kept = Arrays.copyOf(order, max);
        Arrays.sort(kept);
        int[] k2 = new int[max];
        float[] w2 = new float[max];
        for (int i = 0; i < max; i++) {
            k2[i] = k[kept[i]];
            w2[i] = w[kept[i]];
        }
        return new TermVector(k2, w2);
    }

    private static Integer[] byWeight(int[] k, float[] w) {
        Integer[] order = new Integer[k.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> w[x] != w[y] ? Float.compare(w[y], w[x]) : Integer.compare(k[x], k[y]));
        return order;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TermVector v && Arrays.equals(keys, v.keys) && Arrays.equals(weights, v.weights);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(keys) + Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        return "TermVector(" + keys.length + " terms)";
    }
}
