package io.newsstream.common.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * The pipeline's own metrics of one process (articles in and out, dead letters by reason class,
 * enrichment and story-assignment time, copies found), rendered in the Prometheus text format. Thread
 * safe; one instance per process, handed to the stages through their constructors.
 */
public final class StageMetrics {

    /** Histogram buckets in seconds: enrichment takes milliseconds to a few seconds per article. */
    static final double[] BUCKETS = {0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();
    private final Map<String, Histogram> histograms = new ConcurrentHashMap<>();
    private final Map<String, String> help = new ConcurrentHashMap<>();

    /** Adds one to {@code articles_in_total{stage=...}}: an article read by a stage. */
    public void articleIn(String stage) {
        count("newsstream_articles_in_total", "Articles read by a stage", "stage", stage);
    }

    /** Adds one to {@code articles_out_total{stage=...}}: an article written by a stage. */
    public void articleOut(String stage) {
        count("newsstream_articles_out_total", "Articles written by a stage", "stage", stage);
    }

    /** A record sent to the dead-letter topic; {@code reasonClass} is the exception's simple class name. */
    public void deadLetter(String stage, String reasonClass) {
        String simple = reasonClass.substring(reasonClass.lastIndexOf('.') + 1);
        count("newsstream_deadletters_total", "Records sent to the dead-letter topic, by stage and reason class",
                "stage", stage, "reason", simple);
    }

    /**
     * Adds one to {@code newsstream_feed_fetches_total{outcome=...}}: one fetch of a feed by ingest, by
     * outcome ({@code ok}, {@code not_modified}, {@code disallowed} by robots.txt, {@code error}).
     */
    public void feedFetch(String outcome) {
        count("newsstream_feed_fetches_total", "Feed fetches by ingest, by outcome", "outcome", outcome);
    }

    /** Adds one to {@code newsstream_fetch_retries_total}: a failed fetch of a feed or page that ingest retried. */
    public void fetchRetry() {
        count("newsstream_fetch_retries_total", "Failed feed or page fetches that were retried");
    }

    /** An article recognised as a near-verbatim copy of an earlier one. */
    public void copyFound() {
        count("newsstream_copies_found_total", "Articles recognised as copies of an earlier article");
    }

    /** Time one article's enrichment took (language, entities, tone). */
    public void enrichmentTime(long nanos) {
        observe("newsstream_enrichment_seconds", "Enrichment time per article", nanos);
    }

    /** Time one article's story assignment took. */
    public void storyAssignmentTime(long nanos) {
        observe("newsstream_story_assignment_seconds", "Story assignment time per article", nanos);
    }

    /** The current value of a counter, for tests: {@code name} with its labels as rendered. */
    public long counter(String seriesName) {
        LongAdder a = counters.get(seriesName);
        return a == null ? 0 : a.sum();
    }

    private void count(String name, String text, String... labels) {
        help.putIfAbsent(name, text);
        counters.computeIfAbsent(series(name, labels), k -> new LongAdder()).increment();
    }

    private void observe(String name, String text, long nanos) {
        help.putIfAbsent(name, text);
        histograms.computeIfAbsent(name, k -> new Histogram()).observe(nanos / 1e9);
    }

    static String series(String name, String... labels) {
        if (labels.length == 0) {
            return name;
        }
        StringBuilder b = new StringBuilder(name).append('{');
        for (int i = 0; i < labels.length; i += 2) {
            if (i > 0) {
                b.append(',');
            }
            b.append(labels[i]).append("=\"").append(escape(labels[i + 1])).append('"');
        }
        return b.append('}').toString();
    }

    static String escape(String v) {
        return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** Appends every metric of this instance in the Prometheus text format (version 0.0.4). */
    public void render(StringBuilder out) {
        Map<String, List<String>> byName = new java.util.TreeMap<>();
        counters.forEach((series, v) -> byName.computeIfAbsent(base(series), k -> new ArrayList<>())
                .add(series + " " + v.sum()));
        byName.forEach((name, lines) -> {
            out.append("# HELP ").append(name).append(' ').append(help.getOrDefault(name, name)).append('\n');
            out.append("# TYPE ").append(name).append(" counter\n");
            lines.stream().sorted().forEach(l -> out.append(l).append('\n'));
        });
        new java.util.TreeMap<>(histograms).forEach((name, h) -> {
            out.append("# HELP ").append(name).append(' ').append(help.getOrDefault(name, name)).append('\n');
            out.append("# TYPE ").append(name).append(" histogram\n");
            h.render(name, out);
        });
    }

    private static String base(String series) {
        int brace = series.indexOf('{');
        return brace < 0 ? series : series.substring(0, brace);
    }

    private static final class Histogram {
        private final AtomicLong[] buckets = new AtomicLong[BUCKETS.length];
        private final LongAdder count = new LongAdder();
        private final DoubleAdder sum = new DoubleAdder();

        Histogram() {
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] = new AtomicLong();
            }
        }

        void observe(double seconds) {
            for (int i = 0; i < BUCKETS.length; i++) {
                if (seconds <= BUCKETS[i]) {
                    buckets[i].incrementAndGet();
                }
            }
            count.increment();
            sum.add(seconds);
        }

        void render(String name, StringBuilder out) {
            for (int i = 0; i < BUCKETS.length; i++) {
                out.append(name).append("_bucket{le=\"").append(String.format(Locale.ROOT, "%s", BUCKETS[i]))
                        .append("\"} ").append(buckets[i].get()).append('\n');
            }
            out.append(name).append("_bucket{le=\"+Inf\"} ").append(count.sum()).append('\n');
            out.append(name).append("_sum ").append(sum.sum()).append('\n');
            out.append(name).append("_count ").append(count.sum()).append('\n');
        }
    }
}
