package io.newsstream.enrich.stories;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MinHasherTest {

    private final MinHasher hasher = new MinHasher(256, 64, 4, 42);

    private static Set<Long> range(int from, int to) {
        Set<Long> s = new HashSet<>();
        for (long i = from; i < to; i++) {
            s.add(MinHasher.mix(i));
        }
        return s;
    }

    @Test
    void shouldEstimateJaccardSimilarityWithinAFewPoints() {
        // |A ∩ B| = 600, |A ∪ B| = 1400: Jaccard 0.43
        double estimate = MinHasher.similarity(hasher.signature(range(0, 1000)), hasher.signature(range(400, 1400)));

        assertThat(estimate).isBetween(0.43 - 0.09, 0.43 + 0.09);
        assertThat(MinHasher.similarity(hasher.signature(range(0, 500)), hasher.signature(range(0, 500)))).isEqualTo(1.0);
        assertThat(MinHasher.similarity(hasher.signature(range(0, 500)), hasher.signature(range(1000, 1500)))).isLessThan(0.05);
    }

    @Test
    void shouldGiveTheSameSignatureAndBucketsOnEveryRun() {
        MinHasher other = new MinHasher(256, 64, 4, 42);

        assertThat(other.signature(range(0, 100))).isEqualTo(hasher.signature(range(0, 100)));
        assertThat(other.buckets(other.signature(range(0, 100)))).isEqualTo(hasher.buckets(hasher.signature(range(0, 100))));
        assertThat(MinHasher.hash("air defence")).isEqualTo(MinHasher.hash("air defence")).isNotEqualTo(MinHasher.hash("air defense"));
    }

    @Test
    void shouldPutIdenticalSetsInTheSameBucketsAndDisjointOnesInNone() {
        long[] a = hasher.buckets(hasher.signature(range(0, 300)));
        long[] b = hasher.buckets(hasher.signature(range(0, 300)));
        long[] c = hasher.buckets(hasher.signature(range(5000, 5300)));

        assertThat(a).isEqualTo(b);
        Set<Long> shared = new HashSet<>();
        for (long x : a) {
            shared.add(x);
        }
        for (long x : c) {
            assertThat(shared).doesNotContain(x);
        }
    }
}
