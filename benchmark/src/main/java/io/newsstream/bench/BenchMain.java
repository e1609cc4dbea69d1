package io.newsstream.bench;

import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import io.newsstream.broker.EmbeddedKafkaBroker;
import io.newsstream.common.config.SharedFolder;
import io.newsstream.common.model.RawArticle;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./bench}: how fast the enrichment and the pipeline run on this machine, in one run, as one
 * markdown table with a PASS/FAIL verdict against each of the project's bars. See {@link #METHOD} for
 * what each figure means.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 110,
        description = {
                "Measure newsstream on this machine and print one markdown table:",
                "  1. articles/s per thread of the full enrichment, of its entity step and of sentiment alone,",
                "     next to the stock CoreNLP tokenize,ssplit,pos,lemma,ner pipeline on the same articles, with its",
                "     defaults and tuned (ner.applyFineGrained, ner.useSUTime, ner.applyNumericClassifiers off);",
                "  2. end to end on an embedded Kafka broker: maximum sustained articles/s with 1 and 2 stream",
                "     threads, then latency p50/p95/p99 from ingest to enriched record committed at half that rate;",
                "  3. enrich's peak heap (enrich runs in a child JVM with -Xmx1g);",
                "  4. articles/s when every article is a copy of one already enriched (needs stories);",
                "  5. pages/s per thread of the web-page extractor, with its F1 on the article-extraction benchmark;",
                "  6. the 1-thread run again with the --compare settings, and scale-out: 2 enrich processes and 4",
                "     stream threads in all;",
                "  7. the story step alone with 100,000 articles in state, and `ingest` of a generated 1M-article backfill.",
                "Articles: the seeds plus seed-like variants generated from them at run time.",
                "Takes about 23 minutes on 2 cores, the two parts of step 7 about 5 each (--quick --skip-stock: about 3.5).",
                "Run it on an idle machine."},
        footer = {"", "Examples:", "  ./bench", "  ./bench --quick", "  ./bench --write BENCHMARKS.md",
                "", "The newsstream jar carries only the models the product loads, so the stock pipeline cannot run",
                "from it: the bench runs from the bench module's class path with the full CoreNLP models jar."})
public final class BenchMain implements Callable<Integer> {

    static final String STOCK_ANNOTATORS = "tokenize,ssplit,pos,lemma,ner";
    static final int ENRICH_HEAP_MIB = 1024;
    /**
     * The enrich JVM's collector options, as docker-compose.yml gives the enrich service: with the models'
     * ~650 MiB live in a 1 GiB heap, G1's adaptive marking threshold (45% to start) sits below the live set,
     * so concurrent marking ran back to back and took half a core of two; marking from 85% occupancy runs
     * it only when there is garbage to find.
     */
    static final List<String> ENRICH_GC_OPTIONS = List.of("-XX:-G1UseAdaptiveIHOP", "-XX:InitiatingHeapOccupancyPercent=85");
    static final double E2E_BAR = 0.85;
    static final double ENTITY_BAR = 3.0;
    /** The entity step against the default stock pipeline (fine-grained rules, SUTime and numeric classifiers on). */
    static final double ENTITY_BAR_DEFAULT = 20.0;
    /**
     * What a user who knows CoreNLP switches off when only PERSON/ORGANIZATION/LOCATION are wanted: the
     * fine-grained regex rules, SUTime and the numeric classifiers. The fair baseline.
     */
    static final Map<String, String> STOCK_TUNING = Map.of(
            "ner.applyFineGrained", "false",
            "ner.useSUTime", "false",
            "ner.applyNumericClassifiers", "false");
    static final double P99_BAR_MS = 250;
    static final double SENTIMENT_BAR = 1000;

    @Option(names = "--quick", description = "Fewer articles and shorter runs: rougher figures in about a quarter of the time.")
    boolean quick;

    @Option(names = "--write", paramLabel = "FILE", description = "Also write the table, the machine and the method to FILE (e.g. BENCHMARKS.md).")
    Path write;

    @Option(names = "--seeds", paramLabel = "DIR", defaultValue = "seeds",
            description = "Folder of seed articles the bench articles are made from (default: ${DEFAULT-VALUE}).")
    Path seeds;

    @Option(names = "--log", paramLabel = "FILE", defaultValue = "bench-out/bench.log",
            description = "Where the enrich worker's and the libraries' log goes (default: ${DEFAULT-VALUE}).")
    Path logFile;

    @Option(names = "--backfill", paramLabel = "N",
            description = "Articles in the generated JSON-lines archive the backfill step ingests (default 1,000,000; --quick 20,000; 0 skips it).")
    Integer backfill;

    @Option(names = "--app-jar", paramLabel = "JAR", defaultValue = "app/target/newsstream.jar",
            description = "The newsstream jar the backfill step runs `ingest` from (default: ${DEFAULT-VALUE}).")
    Path appJar;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "2",
            description = "Measure with 1 to N threads (default: ${DEFAULT-VALUE}).")
    int maxThreads;

    @Option(names = "--setting", paramLabel = "KEY=VALUE",
            description = {"A newsstream setting for the enrich service under test, to try a tuning (repeatable),",
                    "e.g. --setting kafka.commit.interval.ms=50 (kafka.* settings pass through to Kafka Streams)."})
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--compare", paramLabel = "KEY=VALUE",
            description = {"Settings of the 1-thread run measured beside the defaults in the same run (repeatable),",
                    "e.g. --compare enrich.commit.interval=500ms (default: enrich.commit.idle=off)."})
    Map<String, String> compare = new LinkedHashMap<>();

    @Option(names = "--pages", paramLabel = "DIR",
            description = "The article-extraction benchmark (ground-truth.json, html/) the extraction step reads "
                    + "(default: <shared>/benchmarks/article-extraction, shared from NEWSSTREAM_SHARED or ../shared).")
    Path pages;

    @Option(names = "--extraction-only", description = "Run only the page-extraction step (seconds, no broker, no models).")
    boolean extractionOnly;

    @Option(names = "--skip-stock", description = "Do not run the stock CoreNLP pipeline (its rows show n/a); saves about a minute.")
    boolean skipStock;

    @Option(names = "--skip-story-ceiling", description = "Do not measure the story step alone with 100,000 articles in state (saves about five minutes).")
    boolean skipStoryCeiling;

    private PrintStream progress;
    private final long started = System.nanoTime();

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchMain()).execute(args));
    }

    /** Sizes of one run. */
    private record Plan(int microArticles, long warmupMillis, int iterations, int stockIterations, double e2eSeconds,
                        int repeats, double latencySeconds, double duplicateSeconds, int storiesInState, int storiesMeasured) {
        /** How long one end-to-end phase may take before the run counts as stuck. */
        Duration e2eTimeout() {
            return Duration.ofSeconds((long) (60 + 5 * e2eSeconds));
        }

        static Plan of(boolean quick) {
            return quick ? new Plan(4, 500, 3, 2, 3, 3, 3, 2, 10_000, 2_000) : new Plan(25, 3000, 5, 3, 20, 3, 15, 10, 100_000, 10_000);
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintStream stderr = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        progress = new PrintStream(new java.io.OutputStream() {
            private boolean lineStart = true;

            @Override
            public void write(int b) {
                if (lineStart) {
                    stderr.printf(Locale.ROOT, "[%5.1f s] ", (System.nanoTime() - started) / 1e9);
                }
                stderr.write(b);
                lineStart = b == '\n';
            }
        }, true, StandardCharsets.UTF_8);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (!settings.isEmpty()) {
            // A tuning under test is part of the result: say so under the table.
            progress.println("bench: enrich service settings under test: " + settings);
        }
        if (maxThreads < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--threads must be at least 1");
        }
        Machine machine = Machine.current();
        String command = System.getProperty("bench.command", "bench " + String.join(" ", argsForDisplay()));
        Plan plan = Plan.of(quick);
        Corpus corpus = Corpus.load(seeds);
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        Files.deleteIfExists(logFile);
        Path work = Files.createTempDirectory("newsstream-bench-");
        progress.printf("bench: %s; load average %s; log in %s%n", machine.describe(), machine.loadAtStart(), logFile);
        if (machine.busy()) {
            progress.printf("bench: warning: the machine is busy (load %s on %d cores); figures will be low and noisy%n",
                    machine.loadAtStart(), machine.cores());
        }

        Report report = new Report();
        if (!settings.isEmpty()) {
            report.note("Enrich service settings under test (not the defaults): " + settings);
        }
        // Extraction runs in this JVM before anything else is started, so nothing runs beside it.
        progress.println("bench: page extraction, 1 thread...");
        Report extraction = new Report();
        ExtractionStep.addRow(extraction, pages != null ? pages
                : SharedFolder.resolve(Path.of("")).resolve("benchmarks/article-extraction"), plan.warmupMillis(), plan.iterations());
        if (extractionOnly) {
            out.println();
            out.print(extraction.markdown());
            out.printf(Locale.ROOT, "%nMachine: %s; load average at start %s, at end %s%n", machine.describe(),
                    machine.loadAtStart(), Machine.loadAverageNow());
            deleteRecursively(work);
            return 0;
        }
        boolean workerOk = true;
        Map<String, Object> heapPeaks = new LinkedHashMap<>();
        List<String> workerOptions = new ArrayList<>(List.of("-Xmx" + ENRICH_HEAP_MIB + "m", "-XX:+ExitOnOutOfMemoryError"));
        workerOptions.addAll(ENRICH_GC_OPTIONS);
        // Extra options for the enrich JVM alone, e.g. a flight recording to profile it.
        String extra = System.getenv().getOrDefault("BENCH_WORKER_OPTS", "").trim();
        if (!extra.isEmpty()) {
            workerOptions.addAll(List.of(extra.split("\\s+")));
            progress.println("bench: enrich JVM options from BENCH_WORKER_OPTS: " + extra);
        }
        try (WorkerProcess worker = WorkerProcess.start(workerOptions, logFile)) {
            // Loading is not measured: the worker's models, the stock pipeline and the broker load side by side.
            progress.println("bench: loading the enrichment models (child JVM, -Xmx1g), the stock CoreNLP pipeline and a broker...");
            long t0 = System.nanoTime();
            worker.send(Map.of("cmd", "load", "seeds", seeds.toAbsolutePath().toString()));
            CompletableFuture<StanfordCoreNLP> stockLoad = skipStock ? CompletableFuture.completedFuture(null)
                    : CompletableFuture.supplyAsync(() -> stockPipeline(false));
            CompletableFuture<StanfordCoreNLP> tunedLoad = skipStock ? CompletableFuture.completedFuture(null)
                    : stockLoad.thenApplyAsync(ignored -> stockPipeline(true));
            List<String> tags = new ArrayList<>();
            for (int t = 1; t <= maxThreads; t++) {
                tags.add("t" + t);
            }
            if (maxThreads > 1) {
                SCALE_OUT.forEach(c -> tags.add(scaleTag(c)));
            }
            tags.add(PREVIOUS_COMMITS_TAG);
            for (int w = 1; w <= WARM_UP_MAX_RUNS; w++) {
                tags.add(WARM_UP_TAG + w);
            }
            CompletableFuture<EmbeddedKafkaBroker> brokerStart = CompletableFuture.supplyAsync(() -> {
                EmbeddedKafkaBroker b = EmbeddedKafkaBroker.builder().logDir(work.resolve("kafka")).build().start();
                EndToEnd.createTopics(b.bootstrapServers(), tags);
                return b;
            });
            Map<String, Object> loaded = worker.await("loaded", Duration.ofMinutes(5)).payload();
            stockLoad.join();
            tunedLoad.join();
            try (EmbeddedKafkaBroker broker = brokerStart.get()) {
                progress.printf("bench: loaded in %.0f s; models %s%n", (System.nanoTime() - t0) / 1e9, loaded.get("models"));

                // 1. Per thread, in the worker and here, one after the other (never side by side).
                progress.println("bench: enrichment per thread (full, entity step, sentiment)...");
                worker.send(Map.of("cmd", "micro", "articles", plan.microArticles(),
                        "warmupMillis", plan.warmupMillis(), "iterations", plan.iterations(), "threads", maxThreads, "seed", 1L));
                Map<String, Object> micro = worker.await("micro", Duration.ofMinutes(10)).payload();
                worker.send(Map.of("cmd", "drop-parts"));
                worker.await("dropped", Duration.ofMinutes(1));
                Map<String, Object> stockResult = Map.of("median", Double.NaN);
                Map<String, Object> tunedResult = Map.of("median", Double.NaN);
                if (!skipStock) {
                    List<RawArticle> same = corpus.articles(plan.microArticles(), "micro", 1L);
                    progress.println("bench: stock CoreNLP pipeline (defaults), 1 thread...");
                    stockResult = measureStock(stockLoad.get(), same, plan);
                    progress.println("bench: stock CoreNLP pipeline (tuned: " + STOCK_TUNING.keySet() + " off), 1 thread...");
                    tunedResult = measureStock(tunedLoad.get(), same, plan);
                }
                stockLoad = null;
                tunedLoad = null;
                System.gc();
                addPerThreadRows(report, micro, stockResult, tunedResult);
                report.addAll(extraction);

                // The story step's ceiling on its one partition, in the worker (nothing else runs).
                Map<String, Object> ceiling = null;
                if (!skipStoryCeiling) {
                    progress.printf("bench: story step alone, %,d articles in state...%n", plan.storiesInState());
                    worker.send(Map.of("cmd", "stories", "inState", plan.storiesInState(), "measured", plan.storiesMeasured(),
                            "dir", work.resolve("story-ceiling").toString()));
                    ceiling = worker.await("stories", Duration.ofMinutes(15)).payload();
                }

                // 2-4. End to end.
                Map<Integer, Double> enrichRates = new LinkedHashMap<>();
                for (int t = 1; t <= maxThreads; t++) {
                    enrichRates.put(t, median(sub(sub(micro, "full"), Integer.toString(t))));
                }
                Map<String, Object> duplicates = null;
                Map<Integer, Double> e2eRates = new LinkedHashMap<>();
                Map<Integer, Double> passRates = new LinkedHashMap<>();
                List<Double> warmUp = warmUpPipeline(broker.bootstrapServers(), worker, corpus, enrichRates.get(1), plan, work);
                report.note(String.format(Locale.ROOT, "End-to-end warm-up (not measured): %d run%s of 1 stream thread, "
                                + "sustained %s articles/s.", warmUp.size(), warmUp.size() == 1 ? "" : "s",
                        warmUp.stream().map(Report::num).collect(java.util.stream.Collectors.joining(", "))));
                for (int threads = 1; threads <= maxThreads; threads++) {
                    final int t = threads;
                    double expected = enrichRates.get(t);
                    int n = Math.max(20, (int) Math.round(expected * plan.e2eSeconds()));
                    try (EndToEnd e2e = new EndToEnd(broker.bootstrapServers(), worker, "t" + t, t, work.resolve("state"), settings)) {
                        Duration timeout = plan.e2eTimeout();
                        List<Map<String, Object>> runs = new ArrayList<>();
                        List<Double> passes = new ArrayList<>();
                        List<RawArticle> originals = null;
                        Map<String, Object> heap = Map.of();
                        boolean running = false;
                        // Paired runs: each one's articles end to end and enriched in-process (the worker alone,
                        // the service stopped), in alternating order so that a drift (the JIT, the page cache)
                        // favours neither side; the last pair ends end to end, leaving the service up for the
                        // latency run.
                        for (int r = 0; r < plan.repeats(); r++) {
                            String prefix = "t" + t + (r == 0 ? "" : "r" + r);
                            long seed = 100L + t + 1000L * r;
                            boolean passFirst = (plan.repeats() - 1 - r) % 2 == 0;
                            if (running) {
                                heap = mostAfterGc(heap, e2e.stop());
                                running = false;
                            }
                            if (passFirst) {
                                passes.add(pass(worker, n, prefix, seed, t, r + 1));
                            }
                            progress.printf("bench: end to end %d of %d, %d stream thread%s: %d articles pre-loaded...%n",
                                    r + 1, plan.repeats(), t, t == 1 ? "" : "s", n);
                            originals = corpus.articles(n, prefix, seed);
                            e2e.preload(originals);
                            Map<String, Object> run = e2e.drain(n, k -> k.startsWith(prefix + "-"), timeout);
                            running = true;
                            runs.add(run);
                            progress.printf(Locale.ROOT, "bench: end to end %d sustained %.1f articles/s%n", r + 1, steady(run));
                            if (!passFirst) {
                                heap = mostAfterGc(heap, e2e.stop());
                                running = false;
                                passes.add(pass(worker, n, prefix, seed, t, r + 1));
                            }
                        }
                        EndToEndRuns measured = new EndToEndRuns(runs, passes);
                        e2eRates.put(t, measured.steady());
                        passRates.put(t, measured.pass());
                        double rate = measured.steady() / 2;
                        int m = Math.max(20, (int) Math.round(rate * plan.latencySeconds()));
                        progress.printf("bench: latency at %.1f articles/s (%d articles)...%n", rate, m);
                        Map<String, Object> lat = e2e.latency(corpus.articles(m, "lat" + t, 200L + t), rate, timeout);
                        heap = mostAfterGc(heap, e2e.stop());
                        heapPeaks.put(t + " thread" + (t == 1 ? "" : "s"), heap);
                        addEndToEndRows(report, t, expected, measured, lat);
                        if (t == maxThreads) {
                            duplicates = duplicateRun(e2e, corpus, originals, runs.get(runs.size() - 1), plan, timeout, heapPeaks);
                        }
                    }
                }
                addDuplicateRow(report, duplicates, maxThreads);
                previousCommits(report, broker.bootstrapServers(), worker, corpus, enrichRates.get(1), passRates.get(1), plan, work,
                        heapPeaks);
                if (maxThreads > 1) {
                    scaleOut(report, broker.bootstrapServers(), worker, workerOptions, corpus, enrichRates.get(maxThreads),
                            e2eRates, plan, work, heapPeaks);
                }
                addStoryCeilingRow(report, ceiling, enrichRates);

                // 5. Backfill: the real ingest command over a large archive, in a small heap.
                int archiveSize = backfill != null ? backfill : quick ? 20_000 : 1_000_000;
                if (archiveSize > 0) {
                    backfillRow(report, corpus, archiveSize, broker.bootstrapServers(), work);
                }
            }
        } catch (IllegalStateException e) {
            workerOk = false;
            progress.println("bench: " + e.getMessage());
            report.note("Run stopped early: " + e.getMessage());
        } finally {
            deleteRecursively(work);
        }
        addHeapRow(report, heapPeaks, workerOk);

        String loadAtEnd = Machine.loadAverageNow();
        out.println();
        out.print(report.markdown());
        out.printf(Locale.ROOT, "%nMachine: %s; load average at start %s, at end %s%n", machine.describe(),
                machine.loadAtStart(), loadAtEnd);
        if (write != null) {
            report.write(write, machine, command, loadAtEnd, METHOD);
            progress.println("bench: wrote " + write);
        }
        return workerOk ? 0 : 1;
    }

    private Map<String, Object> duplicateRun(EndToEnd e2e, Corpus corpus, List<RawArticle> originals,
                                             Map<String, Object> max, Plan plan, Duration timeout,
                                             Map<String, Object> heapPeaks) throws InterruptedException {
        if (((Number) max.get("withStory")).longValue() == 0) {
            return null;
        }
        // Copies run far faster than enrichment; size them by time, assuming ten times the enrichment rate.
        int copies = Math.max(originals.size(), (int) Math.round(steady(max) * 10 * plan.duplicateSeconds()));
        List<RawArticle> batch = new ArrayList<>(copies);
        for (int i = 0; i < copies; i++) {
            batch.add(Corpus.copyOf(originals.get(i % originals.size()), "copy-" + i));
        }
        progress.printf("bench: duplicates: %d copies of articles already enriched...%n", copies);
        e2e.preload(batch);
        Map<String, Object> result = e2e.drain(copies, k -> k.startsWith("copy-"), timeout);
        heapPeaks.put("duplicates", e2e.stop());
        return result;
    }

    private static void addPerThreadRows(Report report, Map<String, Object> micro, Map<String, Object> stockResult,
                                         Map<String, Object> tunedResult) {
        double stock = median(stockResult);
        double tuned = median(tunedResult);
        double entities = median(sub(micro, "entities"));
        double recognizer = median(sub(micro, "recognizer"));
        double sentiment = median(sub(micro, "sentiment"));
        double full = median(sub(sub(micro, "full"), "1"));
        String per = " articles/s/thread";
        report.add("Stock CoreNLP `" + STOCK_ANNOTATORS + "`, defaults, 1 thread", Report.num(stock) + per);
        report.add("Stock CoreNLP `" + STOCK_ANNOTATORS + "`, tuned (no fine-grained rules, SUTime, numeric classifiers), 1 thread",
                Report.num(tuned) + per);
        report.add("Full enrichment (language, entities, sentiment, story), 1 thread",
                Report.num(full) + per + " (" + ratio(full, tuned) + " tuned stock)");
        report.add("Entity step (recogniser + resolver), 1 thread",
                Report.num(entities) + per + " (recogniser alone " + Report.num(recognizer) + ")");
        if (Double.isNaN(stock)) {
            report.add("Entity step vs tuned stock pipeline", "n/a (stock pipeline not run)");
            report.add("Entity step vs default stock pipeline", "n/a (stock pipeline not run)");
        } else {
            report.add("Entity step vs tuned stock pipeline", ratio(entities, tuned), ">= " + (int) ENTITY_BAR + "x",
                    Stats.meets(Stats.ratio(entities, tuned), ENTITY_BAR));
            report.add("Entity step vs default stock pipeline", ratio(entities, stock), ">= " + (int) ENTITY_BAR_DEFAULT + "x",
                    Stats.meets(Stats.ratio(entities, stock), ENTITY_BAR_DEFAULT));
        }
        report.add("Sentiment alone, 1 thread", Report.num(sentiment) + per, ">= 1,000/s/thread", sentiment >= SENTIMENT_BAR);
        report.add("Language detection alone, 1 thread", Report.num(median(sub(micro, "language"))) + per);
        if (micro.get("languages") instanceof Map<?, ?> languages) {
            for (Object lang : languages.keySet()) {
                double rate = median(sub(sub(micro, "languages"), (String) lang));
                report.add("Full enrichment of `" + lang + "` articles (the bench's sample text), 1 thread",
                        Report.num(rate) + per + " (" + ratio(rate, full) + " English)");
            }
        }
        report.note(String.format(Locale.ROOT, "Per-thread figures: the same %s articles (mean %.0f characters) for every step; "
                        + "median of %s timed iterations after warm-up (stock: %s).",
                sub(micro, "entities").get("items"), ((Number) micro.get("chars")).doubleValue(),
                sub(micro, "entities").get("iterations") instanceof List<?> l ? l.size() : "?",
                stockResult.get("iterations") instanceof List<?> l ? l.size() : "not run"));
    }

    /**
     * The measured end-to-end runs of one thread count, each paired with the in-process enrichment of its
     * own articles ({@code pass}): the sustained rate is the median run, and the share the median of the
     * pairs' ratios, so a slow run is compared with the same articles' enrichment and one outlier moves
     * neither.
     */
    record EndToEndRuns(List<Map<String, Object>> runs, List<Double> passes) {
        double steady() {
            return Stats.median(runs.stream().mapToDouble(BenchMain::steady).toArray());
        }

        double pass() {
            return Stats.median(passes.stream().mapToDouble(Double::doubleValue).toArray());
        }

        double share() {
            double[] ratios = new double[runs.size()];
            for (int i = 0; i < ratios.length; i++) {
                ratios[i] = Stats.ratio(BenchMain.steady(runs.get(i)), passes.get(i));
            }
            return Stats.median(ratios);
        }

        /** Every run complete, with nothing dead-lettered. */
        boolean clean() {
            return runs.stream().allMatch(r -> Boolean.TRUE.equals(r.get("complete"))
                    && ((Number) r.get("deadLetters")).longValue() == 0);
        }

        /** The run whose rate is the median (the first of two middle ones). */
        Map<String, Object> median() {
            List<Map<String, Object>> sorted = new ArrayList<>(runs);
            sorted.sort(java.util.Comparator.comparingDouble(BenchMain::steady));
            return sorted.get((sorted.size() - 1) / 2);
        }
    }

    private double pass(WorkerProcess worker, int n, String prefix, long seed, int threads, int run) throws InterruptedException {
        progress.printf("bench: full enrichment in-process of end-to-end run %d's %d articles, each once, %d thread%s...%n",
                run, n, threads, threads == 1 ? "" : "s");
        worker.send(Map.of("cmd", "pass", "articles", n, "prefix", prefix, "seed", seed, "threads", threads));
        double rate = ((Number) worker.await("pass", Duration.ofMinutes(10)).payload().get("rate")).doubleValue();
        progress.printf(Locale.ROOT, "bench: in-process %d: %.1f articles/s%n", run, rate);
        return rate;
    }

    private static Map<String, Object> mostAfterGc(Map<String, Object> a, Map<String, Object> b) {
        return afterGcMiB(b) > afterGcMiB(a) ? b : a;
    }

    private static double afterGcMiB(Map<String, Object> heap) {
        return heap.get("afterGcMiB") instanceof Number n ? n.doubleValue() : -1;
    }

    private static String joined(java.util.stream.DoubleStream values) {
        return values.mapToObj(Report::num).collect(java.util.stream.Collectors.joining(", "));
    }

    private static void addEndToEndRows(Report report, int threads, double enrichRate, EndToEndRuns measured,
                                        Map<String, Object> lat) {
        String th = threads + " stream thread" + (threads == 1 ? "" : "s");
        Map<String, Object> max = measured.median();
        double steady = measured.steady();
        double share = measured.share();
        String result = String.format(Locale.ROOT,
                "%s articles/s = %.0f%% of the same articles enriched in-process, %s/s (median of %d paired runs:"
                        + " end to end %s; in-process %s); %.0f%% of the per-thread row's %s (median run: start-up to RUNNING"
                        + " %s ms, %s/s counted from start%s%s)",
                Report.num(steady), share * 100, Report.num(measured.pass()), measured.runs().size(),
                joined(measured.runs().stream().mapToDouble(BenchMain::steady)),
                joined(measured.passes().stream().mapToDouble(Double::doubleValue)),
                Stats.ratio(steady, enrichRate) * 100, Report.num(enrichRate), max.get("startupMillis"),
                Report.num(((Number) max.getOrDefault("fromStart", Double.NaN)).doubleValue()),
                cores(max),
                measured.runs().stream().map(r -> (Boolean.TRUE.equals(r.get("complete")) ? "" : "; INCOMPLETE: " + r.get("count") + " records")
                        + (((Number) r.get("deadLetters")).longValue() > 0 ? "; dead-lettered: " + r.get("deadLetters") : "")
                        + (((Number) r.get("duplicates")).longValue() > 0 ? "; taken for copies: " + r.get("duplicates") : ""))
                        .distinct().collect(java.util.stream.Collectors.joining()));
        report.add("End to end, max sustained, " + th, result, ">= 85% of enrichment", Stats.meets(share, E2E_BAR)
                && measured.clean());
        if (lat.containsKey("p99")) {
            double p99 = ((Number) lat.get("p99")).doubleValue();
            report.add(String.format(Locale.ROOT, "Latency ingest to committed at %s articles/s, %s",
                            Report.num(((Number) lat.get("rate")).doubleValue()), th),
                    String.format(Locale.ROOT, "p50 %.0f ms, p95 %.0f ms, p99 %.0f ms (%s articles%s)",
                            num(lat, "p50"), num(lat, "p95"), p99, lat.get("count"),
                            Boolean.TRUE.equals(lat.get("complete")) ? "" : ", INCOMPLETE"),
                    "p99 <= 250 ms", p99 <= P99_BAR_MS && Boolean.TRUE.equals(lat.get("complete")));
        } else {
            report.add("Latency, " + th, "no record came out", "p99 <= 250 ms", false);
        }
    }

    /**
     * The cores a run kept busy: the enrich JVM's, and the bench JVM's (the broker, the producer and the
     * consumer), which shares the machine with it where in-process enrichment has every core.
     */
    static String cores(Map<String, Object> run) {
        if (!(run.get("workerCores") instanceof Number worker) || !(run.get("benchCores") instanceof Number bench)) {
            return "";
        }
        return String.format(Locale.ROOT, "; cores busy: enrich %.2f, broker and driver %.2f",
                worker.doubleValue(), bench.doubleValue()) + streamThreads(run);
    }

    /**
     * Each stream thread's CPU seconds since the service started and its tasks: Kafka Streams deals a thread
     * an equal number of tasks, not of work, and the story step's one task is one of them.
     */
    static String streamThreads(Map<String, Object> run) {
        if (!(run.get("streamThreads") instanceof List<?> threads) || threads.size() < 2) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (Object t : threads) {
            if (t instanceof Map<?, ?> m && m.get("tasks") instanceof List<?> tasks && m.get("cpuMillis") instanceof Number cpu) {
                long enrichTasks = tasks.stream().filter(id -> String.valueOf(id).startsWith("0_")).count();
                boolean story = tasks.size() > enrichTasks;
                parts.add(String.format(Locale.ROOT, "%.1f s (%d raw partition%s%s)", cpu.doubleValue() / 1000,
                        enrichTasks, enrichTasks == 1 ? "" : "s", story ? " + story step" : ""));
            }
        }
        return "; stream threads' CPU: " + String.join(", ", parts);
    }

    /**
     * The first enrich JVM's options for the second: a flight recording ({@code BENCH_WORKER_OPTS}) goes to a
     * file of its own, {@code X-second.jfr} for {@code X.jfr}; two JVMs writing one file corrupt it.
     */
    static List<String> secondWorkerOptions(List<String> options) {
        return options.stream().map(o -> o.replace(".jfr", "-second.jfr")).toList();
    }

    private void backfillRow(Report report, Corpus corpus, int count, String bootstrap, Path work)
            throws java.io.IOException, InterruptedException {
        String measure = String.format(Locale.ROOT, "Backfill: `ingest` of %,d generated articles (JSON lines), -Xmx%dm",
                count, Backfill.HEAP_MIB);
        if (!Files.isRegularFile(appJar)) {
            report.add(measure, "n/a (no " + appJar + "; build it with ./mvnw -pl app -am package -DskipTests)");
            return;
        }
        progress.printf("bench: backfill: writing an archive of %,d articles...%n", count);
        Path archive = work.resolve("backfill.jsonl");
        long bytes = Backfill.writeArchive(corpus, count, archive, progress);
        Map<String, Object> r = Backfill.run(appJar, archive, count, bootstrap, "bench.backfill.raw", work, logFile, progress);
        Files.deleteIfExists(archive);
        long published = ((Number) r.get("published")).longValue();
        int exit = ((Number) r.get("exit")).intValue();
        boolean ok = exit == 0 && published == count;
        report.add(measure, String.format(Locale.ROOT, "%s articles/s (%,d published in %.0f s, %,d MB; largest heap after GC %d MiB%s)",
                        Report.num(((Number) r.get("rate")).doubleValue()), published, ((Number) r.get("seconds")).doubleValue(),
                        bytes >> 20, ((Number) r.get("heapAfterGcMiB")).intValue(),
                        ok ? "" : "; FAILED: exit " + exit + ", " + r.get("lastLine")),
                "completes in " + Backfill.HEAP_MIB + " MiB", ok);
    }

    /** The sustained rate, articles/s, of a drain's result ({@link EndToEnd}'s {@code "steady"}). */
    private static double steady(Map<String, Object> drained) {
        return ((Number) drained.get("steady")).doubleValue();
    }

    static final String PREVIOUS_COMMITS_TAG = "c1";
    static final String WARM_UP_TAG = "w";
    /** Most unmeasured warm-up runs before the measured ones. */
    static final int WARM_UP_MAX_RUNS = 6;
    /** The warm-up ends when a run's rate is within this share of the run before it, above or below. */
    static final double WARM_UP_SETTLED = 0.05;

    /**
     * Unmeasured end-to-end runs before the measured ones, as the per-thread figures have their warm-up,
     * repeated until the rate settles (a run within {@link #WARM_UP_SETTLED} of the one before, above or
     * below, at most {@link #WARM_UP_MAX_RUNS} runs; a run well below the one before is noise, not a
     * settled rate, and it ended the warm-up too early when the rule was "not above"): the first
     * end-to-end runs are the slowest whatever their settings (the worker JVM still compiling the Kafka,
     * Streams and RocksDB paths that the micro-benchmark never ran, the broker its own), and one fixed
     * warm-up run was not enough: in the
     * same bench the same settings sustained 31.6 articles/s in the first measured run and 43.2 in the
     * comparison run after the others. Returns the warm-up rates, in order.
     */
    private List<Double> warmUpPipeline(String bootstrap, WorkerProcess worker, Corpus corpus, double enrichRate, Plan plan,
                                        Path work) throws InterruptedException {
        int n = Math.max(20, (int) Math.round(enrichRate * plan.e2eSeconds() / 2));
        List<Double> rates = new ArrayList<>();
        for (int w = 1; w <= WARM_UP_MAX_RUNS; w++) {
            String tag = WARM_UP_TAG + w;
            progress.printf("bench: warm-up %d, end to end, 1 stream thread, %d articles (not measured)...%n", w, n);
            try (EndToEnd e2e = new EndToEnd(bootstrap, worker, tag, 1, work.resolve("state"), settings)) {
                e2e.preload(corpus.articles(n, tag, 500L + 10 * w));
                double rate = steady(e2e.drain(n, k -> k.startsWith(tag + "-"), plan.e2eTimeout()));
                e2e.latency(corpus.articles(Math.max(20, n / 4), "lat" + tag, 501L + 10 * w), enrichRate / 4, plan.e2eTimeout());
                e2e.stop();
                rates.add(rate);
                progress.printf(Locale.ROOT, "bench: warm-up %d sustained %.1f articles/s%n", w, rate);
            }
            if (w > 1 && Math.abs(rates.get(w - 1) / rates.get(w - 2) - 1) <= WARM_UP_SETTLED) {
                break;
            }
        }
        return rates;
    }

    /** The alternative commit policy measured beside the default: Kafka Streams' commit interval alone. */
    static final Map<String, String> PREVIOUS_COMMITS = Map.of("enrich.commit.idle", "off");

    /**
     * The 1-thread end-to-end and latency runs again with the comparison settings ({@code --compare}, by
     * default idle commits off), side by side with the default in the same run (skipped when the user tries
     * commit settings of their own with {@code --setting} and gives no {@code --compare}).
     */
    private void previousCommits(Report report, String bootstrap, WorkerProcess worker, Corpus corpus, double enrichRate,
                                 double passRate, Plan plan, Path work, Map<String, Object> heapPeaks)
            throws InterruptedException {
        if (compare.isEmpty() && settings.keySet().stream().anyMatch(k -> k.contains("commit"))) {
            return;
        }
        Map<String, String> alternative = compare.isEmpty() ? PREVIOUS_COMMITS : compare;
        Map<String, String> previous = new LinkedHashMap<>(settings);
        previous.putAll(alternative);
        String with = alternative.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(java.util.stream.Collectors.joining(", "));
        String label = compare.isEmpty() ? "without idle commits" : "with " + with;
        int n = Math.max(20, (int) Math.round(enrichRate * plan.e2eSeconds()));
        progress.printf("bench: end to end, 1 stream thread, %s: %d articles...%n", label, n);
        try (EndToEnd e2e = new EndToEnd(bootstrap, worker, PREVIOUS_COMMITS_TAG, 1, work.resolve("state"), previous)) {
            e2e.preload(corpus.articles(n, PREVIOUS_COMMITS_TAG, 400L));
            Duration timeout = plan.e2eTimeout();
            Map<String, Object> max = e2e.drain(n, k -> k.startsWith(PREVIOUS_COMMITS_TAG + "-"), timeout);
            double steady = steady(max);
            int m = Math.max(20, (int) Math.round(steady / 2 * plan.latencySeconds()));
            Map<String, Object> lat = e2e.latency(corpus.articles(m, "lat" + PREVIOUS_COMMITS_TAG, 401L), steady / 2, timeout);
            heapPeaks.put(compare.isEmpty() ? "idle commits off" : "compared", e2e.stop());
            report.add("End to end, max sustained, 1 stream thread, " + (compare.isEmpty()
                            ? "without idle commits (`enrich.commit.idle=off`)" : "with `" + with + "`"),
                    String.format(Locale.ROOT, "%s articles/s (one run) = %.0f%% of the default runs' articles enriched"
                                    + " in-process, %s/s; %.0f%% of the per-thread row's %s", Report.num(steady),
                            Stats.ratio(steady, passRate) * 100, Report.num(passRate),
                            Stats.ratio(steady, enrichRate) * 100, Report.num(enrichRate)));
            if (lat.containsKey("p99")) {
                report.add(String.format(Locale.ROOT, "Latency at %s articles/s, 1 stream thread, %s",
                                Report.num(((Number) lat.get("rate")).doubleValue()), label),
                        String.format(Locale.ROOT, "p50 %.0f ms, p95 %.0f ms, p99 %.0f ms (%s articles)",
                                num(lat, "p50"), num(lat, "p95"), num(lat, "p99"), lat.get("count")));
            }
        }
    }

    /** Enrich processes and stream threads each of the scale-out runs: 2 and 4 threads in all. */
    static final List<int[]> SCALE_OUT = List.of(new int[] {2, 1}, new int[] {1, 4}, new int[] {2, 2});

    private static String scaleTag(int[] config) {
        return "p" + config[0] + "x" + config[1];
    }

    /**
     * End to end with more enrich processes and threads on the same {@link EndToEnd#PARTITIONS} partitions: a second worker JVM (its own
     * -Xmx1g) joins the first for the two-process runs. Throughput only, measured as the max sustained rate.
     */
    private void scaleOut(Report report, String bootstrap, WorkerProcess worker, List<String> workerOptions, Corpus corpus,
                          double enrichRate, Map<Integer, Double> e2eRates, Plan plan, Path work,
                          Map<String, Object> heapPeaks) throws java.io.IOException, InterruptedException {
        progress.println("bench: scale-out: loading the models in a second enrich JVM...");
        try (WorkerProcess second = WorkerProcess.start(secondWorkerOptions(workerOptions), logFile)) {
            second.send(Map.of("cmd", "load", "seeds", seeds.toAbsolutePath().toString()));
            second.await("loaded", Duration.ofMinutes(5));
            for (int[] config : SCALE_OUT) {
                int processes = config[0];
                int threads = config[1];
                String tag = scaleTag(config);
                int n = Math.max(20, (int) Math.round(enrichRate * plan.e2eSeconds()));
                progress.printf("bench: scale-out, %d process%s x %d stream thread%s: %d articles pre-loaded...%n", processes,
                        processes == 1 ? "" : "es", threads, threads == 1 ? "" : "s", n);
                List<WorkerProcess> workers = processes == 1 ? List.of(worker) : List.of(worker, second);
                try (EndToEnd e2e = new EndToEnd(bootstrap, workers, tag, threads, work.resolve("state"), settings)) {
                    e2e.preload(corpus.articles(n, tag, 300L + 10L * processes + threads));
                    Map<String, Object> max = e2e.drain(n, k -> k.startsWith(tag + "-"),
                            Duration.ofSeconds((long) (90 + 5 * plan.e2eSeconds())));
                    heapPeaks.put(processes + "x" + threads, e2e.stop());
                    double steady = steady(max);
                    report.add(String.format(Locale.ROOT, "Scale-out: %d enrich process%s x %d stream thread%s (%d in all), "
                                            + "%d partitions, max sustained", processes, processes == 1 ? "" : "es", threads,
                                    threads == 1 ? "" : "s", processes * threads, EndToEnd.PARTITIONS),
                            String.format(Locale.ROOT, "%s articles/s (%s one process with 1 thread, %s with 2; start-up to RUNNING %s ms%s)",
                                    Report.num(steady), ratio(steady, e2eRates.getOrDefault(1, Double.NaN)),
                                    ratio(steady, e2eRates.getOrDefault(2, Double.NaN)), max.get("startupMillis"),
                                    Boolean.TRUE.equals(max.get("complete")) ? "" : "; INCOMPLETE: " + max.get("count") + " records"));
                }
            }
        }
    }

    private static void addStoryCeilingRow(Report report, Map<String, Object> c, Map<Integer, Double> enrichRates) {
        if (c == null) {
            report.add("Story step alone (copy check + story assignment on RocksDB), its one partition", "n/a (--skip-story-ceiling)");
            return;
        }
        double rate = num(c, "rate");
        double perThread = enrichRates.get(1);
        report.add(String.format(Locale.ROOT, "Story step alone (copy check + story assignment on RocksDB), its one partition, "
                                + "%,d articles (%,d stories) in state", ((Number) c.get("articlesInState")).intValue(),
                        ((Number) c.get("storiesInState")).intValue()),
                String.format(Locale.ROOT, "%s articles/s (%.2f ms/article) = the full enrichment of %.0f stream threads at %s/s each",
                        Report.num(rate), num(c, "msPerArticle"), rate / perThread, Report.num(perThread)));
    }

    private static void addDuplicateRow(Report report, Map<String, Object> dup, int threads) {
        if (dup == null) {
            report.add("Duplicates (every article a copy of one already enriched)", "n/a (stories not yet available)");
            return;
        }
        double steady = steady(dup);
        report.add("Duplicates (every article a copy of one already enriched), " + threads + " stream threads",
                String.format(Locale.ROOT, "%s articles/s (%s of %s marked duplicate%s)", Report.num(steady),
                        dup.get("duplicates"), dup.get("count"),
                        Boolean.TRUE.equals(dup.get("complete")) ? "" : "; INCOMPLETE"));
    }

    private static void addHeapRow(Report report, Map<String, Object> peaks, boolean workerOk) {
        double worst = 0;
        double peakUsed = 0;
        StringBuilder each = new StringBuilder();
        for (Map.Entry<String, Object> e : peaks.entrySet()) {
            Map<String, Object> h = asMap(e.getValue());
            double after = num(h, "afterGcMiB");
            worst = Math.max(worst, after);
            peakUsed = Math.max(peakUsed, num(h, "peakUsedMiB"));
            each.append(each.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(Report.num(after));
        }
        if (peaks.isEmpty()) {
            report.add("Enrich heap (child JVM, -Xmx1g)", "not measured", "within 1 GiB", false);
            return;
        }
        report.add("Enrich peak heap after GC (child JVM, -Xmx1g, under load)",
                String.format(Locale.ROOT, "%s MiB (%s); peak used incl. garbage %s MiB", Report.num(worst), each,
                        Report.num(peakUsed)),
                "within 1 GiB", workerOk && worst < ENRICH_HEAP_MIB);
    }

    private static String ratio(double a, double b) {
        double r = Stats.ratio(a, b);
        return Double.isNaN(r) ? "n/a" : String.format(Locale.ROOT, "%.2fx", r);
    }

    private static double median(Map<String, Object> m) {
        return ((Number) m.get("median")).doubleValue();
    }

    private static double num(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static Map<String, Object> sub(Map<String, Object> m, String key) {
        return asMap(m.get(key));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        if (!(o instanceof Map<?, ?>)) {
            throw new IllegalStateException("the enrich worker's answer lacks a figure (see the bench log)");
        }
        return (Map<String, Object>) o;
    }

    private static Map<String, Object> measureStock(StanfordCoreNLP stock, List<RawArticle> articles, Plan plan)
            throws InterruptedException {
        return new Throughput<>(articles, a -> stock.annotate(new CoreDocument(a.text())))
                .measure(1, plan.warmupMillis(), plan.stockIterations());
    }

    private static StanfordCoreNLP stockPipeline(boolean tuned) {
        Properties props = new Properties();
        props.setProperty("annotators", STOCK_ANNOTATORS);
        if (tuned) {
            STOCK_TUNING.forEach(props::setProperty);
        }
        return new StanfordCoreNLP(props);
    }

    private List<String> argsForDisplay() {
        List<String> a = new ArrayList<>();
        if (quick) {
            a.add("--quick");
        }
        if (write != null) {
            a.add("--write " + write);
        }
        if (skipStock) {
            a.add("--skip-stock");
        }
        if (extractionOnly) {
            a.add("--extraction-only");
        }
        if (skipStoryCeiling) {
            a.add("--skip-story-ceiling");
        }
        settings.forEach((k, v) -> a.add("--setting " + k + "=" + v));
        return a;
    }

    private static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            // a temporary directory left behind is not worth failing the run for
        }
    }

    /** What each figure means, written into BENCHMARKS.md under the table. */
    private static final String METHOD_TEXT = """
            - **Articles**: the seed articles as ingest reads them, plus seed-like variants generated at run time:
              each a new article of a seed's length made of sentences drawn at random from all the seeds, with its
              numbers changed, so no two are copies of each other. The same articles are used for every step.
            - **Per thread** (rows 1-5): warm-up (at least one pass and the warm-up time), then several timed
              passes over the articles; the median pass is reported. Our steps run in the enrich worker JVM, the
              stock pipeline in the bench JVM, never at the same time.
              *Full enrichment* is `Enricher.enrich` as `EnricherFactory` builds it for the `enrich` command,
              measured last, once the German, French and Spanish rows have loaded their models and the separately
              built steps below are freed: with the models the enrich service holds in the end-to-end runs, so the
              end-to-end ratio compares like with like (until 2026-12-04 it was measured first, with only the
              English models in the heap, about 330 MiB after GC against about 700 MiB with all four).
              *Entity step* is the CRF recogniser plus the canonical resolver (the sentences' tone, which the
              resolver takes, is computed beforehand). *Stock* is `StanfordCoreNLP` with
              `tokenize,ssplit,pos,lemma,ner` and its default English models (POS tagger, three NER CRFs, SUTime,
              fine-grained rules), from the full CoreNLP models jar, measured twice: with its defaults, and
              *tuned* as a user who wants only PERSON/ORGANIZATION/LOCATION would run it
              (`ner.applyFineGrained=false`, `ner.useSUTime=false`, `ner.applyNumericClassifiers=false`). The
              entity step is judged against the tuned row (>= 3x) and the default row (>= 20x).
            - **Page extraction**: `PageExtractors.standard()` (what `ingest` uses for `.html` files and `--url`) over
              the 121 dev pages of the article-extraction benchmark (`<shared>/benchmarks/article-extraction`), already
              gunzipped and decoded, so the figure is jsoup parsing plus extraction; median of the timed passes, in the
              bench JVM before anything else starts. The F1, precision and recall beside it are the benchmark's own
              scoring (`evaluate.py`, ported as `ShingleScore`) of the same run; the bar is F1 >= 0.96.
            - **End to end**: an embedded Kafka broker (KRaft, in the bench JVM), topics of PARTITIONS partitions (`topic.partitions`, the default), the enrich
              service (`EnrichService`, exactly-once v2) in the worker JVM. N articles (about the enrichment's
              per-run seconds' worth) are pre-loaded onto the raw topic, then the service starts. A
              `read_committed` consumer reads the enriched topic; the maximum sustained rate is N over the time
              from the service reaching RUNNING (after its start-up: internal topics, group join, transactions)
              to the last enriched record committed. Model loading is excluded; the start-up is shown beside
              it, with the rate counted from the start. Each thread count has 3 measured runs, each on new
              articles and paired with the full enrichment of exactly those articles in the worker alone (the
              service stopped; with 2 threads the articles are dealt to 2 threads, each with its own story
              state), pair by pair in alternating order (in-process first, then end to end first, ...), so that
              a drift of the JIT favours neither side. The sustained rate shown is the median run, and the bar
              compares the median of the pairs' ratios with 85%: the pipeline's cost measured on the same
              work. The per-thread row's rate is shown beside it: the same 25 articles over and over, with
              a fresh story state each pass, which runs faster than new articles from the same generator
              enriched once each (52.7 against 44.4 articles/s in the run of 2026-12-05; why is not
              measured). Until 2026-12-05 the bar used that row, and one run each. Beside the median run are
              the cores each side kept busy over it (CPU time over the drain's wall time, start-up included): the
              enrich JVM, and the bench JVM, which holds the broker, producer and consumer on the same cores,
              where in-process enrichment has every core to itself.
            - **Latency**: right after the last of those runs, with the service still running, a paced producer
              sends articles at half the median sustained rate, each stamped with its send time; latency is from that stamp to the moment
              the enriched record (which keeps the input's timestamp) is read committed. The measuring consumer
              waits at most 10 ms per fetch so it adds little of its own.
            - **Heap**: enrich runs alone in a child JVM started with `-Xmx1g` and the collector options
              docker-compose.yml gives the enrich service (`-XX:-G1UseAdaptiveIHOP
              -XX:InitiatingHeapOccupancyPercent=85`: concurrent marking from 85% occupancy); the broker, producer,
              consumer and the stock pipeline live in the bench JVM. The figure is the largest heap occupancy left after any
              garbage collection during each end-to-end run (live data plus what the collector had not yet
              reclaimed), from the JVM's GC notifications; *peak used* also counts garbage awaiting collection, so
              it mostly reflects the `-Xmx`. The bar passes when every run completed within `-Xmx1g`.
            - **Duplicates**: after the last end-to-end run the service stops, copies (same title and text, new id
              and source) of articles it has already enriched are pre-loaded, it starts again, and their rate is
              counted as for the maximum sustained rate. Shown as n/a while enriched records carry no story.
            - **Scale-out**: the same end-to-end measure with a second enrich JVM (its own `-Xmx1g`, models loaded
              before the clock starts) in the same application: 2 processes x 1 thread, 1 process x 4 threads and
              2 processes x 2 threads, on the same PARTITIONS partitions; rate from the moment the last process reached
              RUNNING. On a 2-core machine 4 threads share 2 cores with the broker, so these rows show what one
              more process costs more than what more cores give.
            - **Story step alone**: the production copy detector and story assigner over RocksDB stores (no
              record cache, no changelog, no repartition JSON), in the worker JVM, on synthetic articles (events
              of 5 core entities and 60 core words, Zipf noise, no copies) so that a state of 100,000 articles
              builds without the models; the rate over the next 10,000 is what the one story partition can take,
              shown as how many stream threads of full enrichment it keeps up with.
            - **Why the latency is what it is**: the enrich topology has two sub-topologies joined by one
              repartition topic (check and enrich on the raw partitions; copies and stories on one partition).
              Under exactly-once a hop's records become visible downstream only when the transaction that wrote
              them commits (every `enrich.commit.interval`, 100 ms, Kafka Streams' default under exactly-once),
              so an article waits for about two commits on its way, plus the time it queues behind others for the
              models. Unmeasured end-to-end runs (half the articles, then a paced quarter-rate run) go
              before the measured ones, as a warm-up, until a run's rate is within 5% of the one before (at
              most 6; the note below the table gives their rates). By default a stream thread with nothing to do for 10 ms commits at once (`IdleCommit`,
              `enrich.commit.idle`), and the enrich producer retries a transaction refused while the previous
              one's markers are still being written after 10 ms instead of the client's 100 ms. A thread that
              has not been idle for `enrich.commit.backlog.interval` (1 s) is draining a backlog and commits at
              that interval instead, which the throughput runs (pre-loaded articles) take. The rows
              "without idle commits" run the 1-thread end-to-end and latency measures again in the same run with
              `enrich.commit.idle=off` (a commit every `enrich.commit.interval` only); `--compare KEY=VALUE`
              measures other settings in their place, e.g. a longer commit interval.
            """;

    /** {@link #METHOD_TEXT} with the bench topics' partition count. */
    static final String METHOD = METHOD_TEXT.replace("PARTITIONS", Integer.toString(EndToEnd.PARTITIONS));
}
