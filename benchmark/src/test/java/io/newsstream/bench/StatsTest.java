package io.newsstream.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {

    private static final double[] ONE_TO_HUNDRED = new double[100];

    static {
        for (int i = 0; i < 100; i++) {
            ONE_TO_HUNDRED[i] = 100 - i;
        }
    }

    @Test
    void shouldTakeNearestRankPercentilesOfAnUnsortedSample() {
        assertThat(Stats.percentile(ONE_TO_HUNDRED, 50)).isEqualTo(50);
        assertThat(Stats.percentile(ONE_TO_HUNDRED, 95)).isEqualTo(95);
        assertThat(Stats.percentile(ONE_TO_HUNDRED, 99)).isEqualTo(99);
        assertThat(Stats.percentile(ONE_TO_HUNDRED, 100)).isEqualTo(100);
        assertThat(Stats.percentile(ONE_TO_HUNDRED, 0.5)).isEqualTo(1);
    }

    @Test
    void shouldRoundThePercentileRankUpInASmallSample() {
        double[] sample = {300, 10, 20, 30, 40};
        // rank ceil(0.99 * 5) = 5: with five latencies the p99 is the worst one, not an interpolation
        assertThat(Stats.percentile(sample, 99)).isEqualTo(300);
        assertThat(Stats.percentile(sample, 50)).isEqualTo(30);
        assertThat(Stats.percentile(sample, 20)).isEqualTo(10);
        assertThat(Stats.percentile(List.of(7, 3, 5), 50)).isEqualTo(5);
    }

    @Test
    void shouldNotReorderTheCallersArray() {
        double[] sample = {3, 1, 2};
        Stats.percentile(sample, 50);
        Stats.median(sample);
        assertThat(sample).containsExactly(3, 1, 2);
    }

    @Test
    void shouldRefuseAnEmptySampleOrAPercentileOutOfRange() {
        assertThatThrownBy(() -> Stats.percentile(new double[0], 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Stats.percentile(ONE_TO_HUNDRED, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Stats.percentile(ONE_TO_HUNDRED, 101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Stats.median(new double[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldTakeTheMiddleOrTheMeanOfTheTwoMiddleValuesAsMedian() {
        assertThat(Stats.median(new double[] {9, 1, 5})).isEqualTo(5);
        assertThat(Stats.median(new double[] {9, 1, 5, 7})).isEqualTo(6);
        assertThat(Stats.median(new double[] {4})).isEqualTo(4);
    }

    @Test
    void shouldComputeRatesFromNanoseconds() {
        assertThat(Stats.perSecond(50, 2_000_000_000L)).isCloseTo(25.0, within(1e-9));
        assertThat(Stats.perSecond(1, 1_000_000L)).isCloseTo(1000.0, within(1e-9));
        assertThatThrownBy(() -> Stats.perSecond(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldGiveNaNForARatioThatCannotBeComputedAndNeverLetItMeetABar() {
        assertThat(Stats.ratio(30, 10)).isEqualTo(3.0);
        assertThat(Stats.ratio(30, 0)).isNaN();
        assertThat(Stats.ratio(Double.NaN, 10)).isNaN();
        assertThat(Stats.meets(3.0, 3.0)).isTrue();
        assertThat(Stats.meets(2.99, 3.0)).isFalse();
        assertThat(Stats.meets(Double.NaN, 0.0)).isFalse();
    }
}
