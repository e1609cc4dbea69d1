package io.newsstream.bench;

import io.newsstream.ingest.extract.ExtractionBenchmark;
import io.newsstream.ingest.extract.PageExtractor;
import io.newsstream.ingest.extract.PageExtractors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Page extraction per thread: the standard {@link PageExtractor} (jsoup parse, scoring, pruning,
 * furniture) over the article-extraction benchmark's pages, already decoded, so the figure is parsing and
 * extraction alone. The same run's F1, by the benchmark's scoring, sits beside it.
 */
final class ExtractionStep {

    /** The bar: ahead of trafilatura 2.0 (0.958) on that benchmark. */
    static final double F1_BAR = 0.96;

    private ExtractionStep() {
    }

    /** Measures and adds the row, or a row saying why it could not. */
    static void addRow(Report report, Path dir, long warmupMillis, int iterations) throws InterruptedException {
        String measure = "Page extraction (`PageExtractors.standard()`), 1 thread";
        if (!Files.isRegularFile(dir.resolve("ground-truth.json"))) {
            report.add(measure, "n/a (no article-extraction benchmark at " + dir + "; set NEWSSTREAM_SHARED)");
            return;
        }
        List<ExtractionBenchmark.Page> pages;
        try {
            pages = ExtractionBenchmark.load(dir);
        } catch (IOException e) {
            report.add(measure, "n/a (cannot read " + dir + ": " + e.getMessage() + ")");
            return;
        }
        PageExtractor extractor = PageExtractors.standard();
        ExtractionBenchmark.Run run = ExtractionBenchmark.run(extractor, pages);
        Map<String, Object> rate = new Throughput<>(pages, p -> extractor.extract(p.html(), p.url()))
                .measure(1, warmupMillis, iterations);
        double meanKiB = pages.stream().mapToLong(p -> p.html().length()).average().orElse(0) / 1024;
        double f1 = run.score().f1();
        report.add(measure, String.format(Locale.ROOT,
                        "%s pages/s/thread (%d pages of the article-extraction benchmark, mean %.0f K characters of HTML); "
                                + "F1 %.3f, precision %.3f, recall %.3f",
                        Report.num(((Number) rate.get("median")).doubleValue()), pages.size(), meanKiB, f1,
                        run.score().precision(), run.score().recall()),
                String.format(Locale.ROOT, "F1 >= %.2f", F1_BAR), f1 >= F1_BAR);
    }
}
