package io.newsstream.bench;

import java.util.Arrays;
import java.util.List;

/**
 * The arithmetic of the bench: percentiles of a sample, medians of repeated measurements, rates and
 * ratios. Kept apart from the measuring code so it can be tested on its own.
 */
public final class Stats {

    private Stats() {
    }

    /**
     * The {@code p}-th percentile of {@code values} by the nearest-rank method: the smallest value
     * such that at least {@code p} percent of the sample is less than or equal to it.
     *
     * @param p percentile in (0, 100]
     * @throws IllegalArgumentException if the sample is empty or {@code p} is out of range
     */
    public static double percentile(double[] values, double p) {
        if (values.length == 0) {
            throw new IllegalArgumentException("percentile of an empty sample");
        }
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    /** {@link #percentile(double[], double)} of a list. */
    public static double percentile(List<? extends Number> values, double p) {
        return percentile(values.stream().mapToDouble(Number::doubleValue).toArray(), p);
    }

    /** The median: the middle value, or the mean of the two middle values of an even-sized sample. */
    public static double median(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("median of an empty sample");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** Events per second: {@code count} events in {@code nanos} nanoseconds. */
    public static double perSecond(long count, long nanos) {
        if (nanos <= 0) {
            throw new IllegalArgumentException("elapsed time must be positive: " + nanos + " ns");
        }
        return count * 1e9 / nanos;
    }

    /** {@code numerator / denominator}, or NaN when the denominator is zero or either side is not a number. */
    public static double ratio(double numerator, double denominator) {
        if (denominator == 0 || Double.isNaN(numerator) || Double.isNaN(denominator)) {
            return Double.NaN;
        }
        return numerator / denominator;
    }

    /** Whether {@code ratio} reaches {@code bar}; a ratio that could not be computed never does. */
    public static boolean meets(double ratio, double bar) {
        return !Double.isNaN(ratio) && ratio >= bar;
    }
}
