package io.newsstream.enrich.stories;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds near-verbatim copies: the same body text but for small edits, a different headline or different
 * page furniture. Bodies are compared as sets of {@value TextFeatures#SHINGLE_WORDS}-word shingles through
 * MinHash signatures; candidates come from LSH buckets, so the cost per article does not grow with the
 * number of articles held. A copy is always reported against the original (the first of its text seen).
 * Originals are indexed, and so are copies found against an original directly, each pointing at its
 * original: a verbatim reprint of an edited copy may be too far from the original to pass on its own.
 *
 * <p>Not thread-safe: one detector sits at the one place that sees every article in order.
 */
public final class NearDuplicateDetector {

    /** LSH layout: 32 bands of 4 rows. A pair at Jaccard 0.6 shares a bucket with probability 0.99, at 0.3 with 0.23. */
    static final int BANDS = 32;
    static final int ROWS = 4;
    /** Shingle-set Jaccard estimate at or above which two bodies may be copies. */
    public static final double MIN_JACCARD = 0.6;
    /** Share of the smaller body's shingles found in the other at or above which they are copies. */
    public static final double MIN_CONTAINMENT = 0.8;
    /** Originals kept per LSH bucket, the newest. */
    static final int BUCKET_CAP = 32;

    /** A fixed function of its seed, so every thread, process and run computes the same signatures. */
    private static final MinHasher HASHER = new MinHasher(BANDS * ROWS, BANDS, ROWS, 0x5EEDD0C5L);
    private final DuplicateIndex index;
    private final long windowMs;

    /**
     * @param index  where originals are kept
     * @param window how long an original is remembered after it was seen
     */
    public NearDuplicateDetector(DuplicateIndex index, Duration window) {
        this.index = Objects.requireNonNull(index, "index");
        this.windowMs = window.toMillis();
    }

    /** The outcome for one article: a copy of {@code duplicateOf}, or an original when that is null. */
    public record Verdict(String duplicateOf, double similarity) {
        static final Verdict ORIGINAL = new Verdict(null, 0.0);

        public boolean isDuplicate() {
            return duplicateOf != null;
        }
    }

    /**
     * What is compared of one body: how many distinct shingles it has and their MinHash signature. A pure
     * function of the text, so it can be computed anywhere (the topology computes it on the parallel
     * enrichment step) and checked at the one place that sees every article.
     */
    public record Content(int shingles, int[] signature) {
    }

    /** The {@link Content} of {@code text}. */
    public static Content content(String text) {
        Set<Long> shingles = TextFeatures.shingles(text);
        return new Content(shingles.size(), HASHER.signature(shingles));
    }

    /** The LSH buckets of a signature. */
    static long[] buckets(int[] signature) {
        return HASHER.buckets(signature);
    }

    /** As {@link #check(String, Content, Instant)} for the body {@code text}. */
    public Verdict check(String id, String text, Instant seenAt) {
        return check(id, content(text), seenAt);
    }

    /**
     * Checks {@code content} against the originals remembered and remembers it when it is an original. An
     * id is never a copy of itself: an original seen again with the same text is a redelivery, an original
     * again; an id seen again with another text is checked anew against the others, and when it is an
     * original its new text replaces the one remembered under its id (so later copies of the old text are
     * not sent to an enrichment of the new one).
     */
    public Verdict check(String id, Content content, Instant seenAt) {
        long t = Times.advance(index.watermark(), seenAt);
        long watermark = Math.max(index.watermark(), t);
        index.watermark(watermark);
        index.expire(watermark);
        int[] sig = content.signature();
        DuplicateEntry self = index.get(id);
        boolean redelivered = self != null && Arrays.equals(self.signature(), sig);
        if (redelivered && self.copyOf() == null) {
            return Verdict.ORIGINAL;
        }
        long[] buckets = HASHER.buckets(sig);
        // sorted, so the first-best candidate is the same on every run
        Set<String> candidates = new TreeSet<>();
        for (long b : buckets) {
            candidates.addAll(index.bucket(b));
        }
        candidates.remove(id);
        List<DuplicateEntry> entries = candidates.stream().map(index::get).filter(Objects::nonNull).toList();
        DuplicateEntry nearest = nearest(content, entries);
        if (nearest != null) {
            Verdict verdict = new Verdict(nearest.original(), round(MinHasher.similarity(sig, nearest.signature())));
            // a copy of an original is indexed too, pointing at it, so that a verbatim reprint of an edited copy
            // (too far from the original to pass on its own) is found through it; a copy found through a copy is
            // not, so a chain of edits never drifts more than two steps from the original whose enrichment it takes
            if (!redelivered && nearest.copyOf() == null) {
                index.put(new DuplicateEntry(id, t, content.shingles(), sig, nearest.id()), buckets, BUCKET_CAP,
                        t + windowMs);
            }
            return verdict;
        }
        index.put(new DuplicateEntry(id, t, content.shingles(), sig), buckets, BUCKET_CAP, t + windowMs);
        return Verdict.ORIGINAL;
    }

    /**
     * The original among {@code candidates} that {@code content} is a near-verbatim copy of (an entry that is
     * itself a copy stands for its original): see {@link #nearest}; {@link Verdict#ORIGINAL} when none is.
     */
    static Verdict best(Content content, Collection<DuplicateEntry> candidates) {
        DuplicateEntry best = nearest(content, candidates);
        return best == null ? Verdict.ORIGINAL
                : new Verdict(best.original(), round(MinHasher.similarity(content.signature(), best.signature())));
    }

    /**
     * The entry among {@code candidates} that {@code content} is a near-verbatim copy of: the most similar,
     * the earliest seen among equals, the first given among those; null when none is.
     */
    static DuplicateEntry nearest(Content content, Collection<DuplicateEntry> candidates) {
        DuplicateEntry best = null;
        double bestJ = 0;
        for (DuplicateEntry e : candidates) {
            double j = MinHasher.similarity(content.signature(), e.signature());
            if (j >= MIN_JACCARD && containment(j, content.shingles(), e.shingles()) >= MIN_CONTAINMENT
                    && (best == null || j > bestJ || (j == bestJ && e.seenAt() < best.seenAt()))) {
                best = e;
                bestJ = j;
            }
        }
        return best;
    }

    /** Share of the smaller set inside the other, from the Jaccard estimate and the two set sizes. */
    static double containment(double jaccard, int a, int b) {
        if (a == 0 || b == 0) {
            return a == b ? 1.0 : 0.0;
        }
        double intersection = jaccard * (a + b) / (1 + jaccard);
        return Math.min(1.0, intersection / Math.min(a, b));
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
