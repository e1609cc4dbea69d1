package io.newsstream.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsstream.common.config.NewsstreamConfig;
import io.newsstream.common.model.RawArticle;
import io.newsstream.enrich.EnrichService;
import io.newsstream.enrich.Enricher;
import io.newsstream.enrich.EnricherFactory;
import io.newsstream.enrich.entities.CanonicalEntityResolver;
import io.newsstream.enrich.entities.CoreNlpEntityRecognizer;
import io.newsstream.enrich.entities.EntityLexicon;
import io.newsstream.enrich.entities.InMemoryEntityDirectory;
import io.newsstream.enrich.lang.OptimaizeLanguageDetector;
import io.newsstream.enrich.nlp.EntityRecognizer;
import io.newsstream.enrich.nlp.LanguageDetector;
import io.newsstream.enrich.nlp.EntityResolver;
import io.newsstream.enrich.nlp.ScoredSentence;
import io.newsstream.enrich.nlp.SentimentScorer;
import io.newsstream.enrich.sentiment.NewsSentimentScorer;
import io.newsstream.enrich.stories.OfflineStories;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The enrich side of the bench, run by {@link BenchMain} in a child JVM with {@code -Xmx1g} so that
 * nothing but enrich (models, Kafka Streams, the enrich topology) lives in its heap and its heap
 * figures are enrich's alone. It takes one JSON command per line on standard input and answers each
 * with one line {@code @@<event> <json>} on standard output; anything else it prints is log.
 *
 * <p>Commands: {@code load} (the production enricher from {@link EnricherFactory}, plus a separate
 * recogniser, resolver, scorer and language detector so their steps can be timed alone), {@code micro} (articles/s per
 * thread of each step), {@code pass} (an end-to-end run's own articles enriched in-process), {@code drop-parts} (frees the separate parts), {@code stories} (the story step's ceiling,
 * {@link StoryCeiling}), {@code start} and {@code stop}
 * (an {@link EnrichService} on the bench broker), {@code quit}.
 */
public final class EnrichWorker {

    static final String PREFIX = "@@";

    private final ObjectMapper json = new ObjectMapper();
    private final PrintStream out;
    private final HeapMonitor heap = HeapMonitor.install();
    private Corpus corpus;
    private Enricher enricher;
    private EntityRecognizer recognizer;
    private EntityResolver resolver;
    private SentimentScorer scorer;
    private LanguageDetector language;
    private EnrichService service;

    private EnrichWorker(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        // Only protocol lines go to the real standard output; library chatter is log.
        PrintStream protocol = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        EnrichWorker worker = new EnrichWorker(protocol);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                Map<String, Object> command = worker.json.readValue(line, new TypeReference<>() { });
                try {
                    if (!worker.handle(command)) {
                        break;
                    }
                } catch (Throwable e) {
                    e.printStackTrace();
                    worker.reply("error", Map.of("command", String.valueOf(command.get("cmd")), "message", e.toString()));
                    if (e instanceof OutOfMemoryError) {
                        break;
                    }
                }
            }
        } finally {
            worker.stopService();
        }
        System.exit(0);
    }

    private boolean handle(Map<String, Object> c) throws Exception {
        switch (String.valueOf(c.get("cmd"))) {
            case "load" -> load(Path.of((String) c.get("seeds")));
            case "micro" -> micro(c);
            case "pass" -> pass(c);
            case "drop-parts" -> dropParts();
            case "stories" -> reply("stories", StoryCeiling.measure(((Number) c.get("inState")).intValue(),
                    ((Number) c.get("measured")).intValue(), Path.of((String) c.get("dir"))));
            case "start" -> start(c);
            case "stop" -> reply("stopped", Map.of("heap", stopService()));
            case "threads" -> reply("threads", Map.of("threads", service == null ? List.of() : streamThreads()));
            case "quit" -> {
                return false;
            }
            default -> throw new IllegalArgumentException("unknown command " + c.get("cmd"));
        }
        return true;
    }

    private void load(Path seeds) throws Exception {
        long t0 = System.nanoTime();
        corpus = Corpus.load(seeds);
        // The product's enricher, exactly as the enrich command builds it ...
        CompletableFuture<Enricher> product = CompletableFuture.supplyAsync(() -> EnricherFactory.create(NewsstreamConfig.defaults()));
        // ... and the same parts built once more, because the enricher does not expose its parts and
        // the entity and sentiment steps are to be timed on their own. Freed before the broker runs.
        EntityLexicon lexicon = EntityLexicon.defaults();
        recognizer = new CoreNlpEntityRecognizer(CoreNlpEntityRecognizer.DEFAULT_MODEL, lexicon);
        resolver = new CanonicalEntityResolver(lexicon, new InMemoryEntityDirectory());
        scorer = new NewsSentimentScorer();
        language = new OptimaizeLanguageDetector();
        enricher = product.get();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seconds", (System.nanoTime() - t0) / 1e9);
        m.put("models", enricher.pipeline().models());
        m.put("seedArticles", corpus.seedCount());
        reply("loaded", m);
    }

    private void micro(Map<String, Object> c) throws Exception {
        int count = ((Number) c.get("articles")).intValue();
        long warmup = ((Number) c.get("warmupMillis")).longValue();
        int iterations = ((Number) c.get("iterations")).intValue();
        int maxThreads = ((Number) c.get("threads")).intValue();
        List<RawArticle> articles = corpus.articles(count, "micro", ((Number) c.get("seed")).longValue());

        // The resolver takes the sentences' tone; it is computed beforehand so only the entity step is timed.
        List<EntityInput> entityInputs = new ArrayList<>();
        for (RawArticle a : articles) {
            entityInputs.add(new EntityInput(a.text(), scorer.score(a.title(), a.text()).sentences()));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        heap.reset();
        // The separate steps first, then their copies are freed: the full enrichment is then measured with
        // exactly the models the enrich service holds in the end-to-end runs (all four languages', no copies).
        m.put("entities", new Throughput<>(entityInputs,
                e -> resolver.resolve(e.text(), recognizer.recognize(e.text()), e.sentences())).measure(1, warmup, iterations));
        m.put("recognizer", new Throughput<>(entityInputs, e -> recognizer.recognize(e.text())).measure(1, warmup, iterations));
        m.put("sentiment", new Throughput<>(articles, a -> scorer.score(a.title(), a.text())).measure(1, warmup, iterations));
        m.put("language", new Throughput<>(articles, a -> language.detect(a.title() + "\n" + a.text())).measure(1, warmup, iterations));
        m.put("chars", articles.stream().mapToInt(a -> a.text().length()).summaryStatistics().getAverage());
        freeParts();
        // Full enrichment of German, French and Spanish articles: the same text per language, each article
        // with its own id; the language's models load before the clock starts, and stay loaded, as in a
        // service that has met an article in each language.
        Map<String, Object> byLanguage = new LinkedHashMap<>();
        for (String lang : List.of("de", "fr", "es")) {
            List<RawArticle> texts = languageArticles(lang, count);
            enricher.enrich(texts.get(0));
            byLanguage.put(lang, new Throughput<>(texts, enricher::enrich).measure(1, warmup, iterations));
        }
        m.put("languages", byLanguage);
        // Full enrichment: the models plus copy detection and story assignment, as the topology runs
        // them, with fresh story state for every pass (else a second pass would find only copies).
        Duration quiet = NewsstreamConfig.defaults().enrich().storyQuietPeriod();
        ThreadLocal<OfflineStories> stories = new ThreadLocal<>();
        Map<String, Object> full = new LinkedHashMap<>();
        for (int t = 1; t <= maxThreads; t++) {
            full.put(Integer.toString(t), new Throughput<>(articles, a -> stories.get().process(a, enricher::enrich),
                    () -> stories.set(new OfflineStories(quiet, true))).measure(t, warmup * (t == 1 ? 2 : 1), iterations));
        }
        m.put("full", full);
        m.put("heap", heap.snapshot());
        reply("micro", m);
    }

    /**
     * The full enrichment of an end-to-end run's own articles (the same generator arguments), each once, in
     * order, with story state as the topology keeps it: the in-process rate of exactly the work the
     * pipeline is then given, beside the micro-benchmark's repeated 25. With {@code threads} > 1 the
     * articles are dealt round-robin to that many threads, each with its own story state (the topology's
     * one story partition is not split; its step costs a few per cent of the enrichment), and the rate is
     * all of them over the wall-clock time.
     */
    private void pass(Map<String, Object> c) throws InterruptedException {
        List<RawArticle> articles = corpus.articles(((Number) c.get("articles")).intValue(), (String) c.get("prefix"),
                ((Number) c.get("seed")).longValue());
        int threads = c.get("threads") instanceof Number n ? n.intValue() : 1;
        Duration quiet = NewsstreamConfig.defaults().enrich().storyQuietPeriod();
        List<List<RawArticle>> shares = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            shares.add(new ArrayList<>());
        }
        for (int i = 0; i < articles.size(); i++) {
            shares.get(i % threads).add(articles.get(i));
        }
        List<Thread> workers = new ArrayList<>();
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        for (List<RawArticle> share : shares) {
            workers.add(new Thread(() -> {
                try {
                    OfflineStories stories = new OfflineStories(quiet, true);
                    share.forEach(a -> stories.process(a, enricher::enrich));
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "bench-pass"));
        }
        long t0 = System.nanoTime();
        workers.forEach(Thread::start);
        for (Thread w : workers) {
            w.join();
        }
        long elapsed = System.nanoTime() - t0;
        if (failure.get() != null) {
            throw new IllegalStateException("the in-process pass failed: " + failure.get(), failure.get());
        }
        reply("pass", Map.of("rate", Stats.perSecond(articles.size(), elapsed), "articles", articles.size(), "threads", threads));
    }

    private record EntityInput(String text, List<ScoredSentence> sentences) {
    }

    /** {@code count} articles of the bench's sample text in {@code lang} (a headline, three paragraphs). */
    private static List<RawArticle> languageArticles(String lang, int count) throws java.io.IOException {
        String sample;
        try (var in = EnrichWorker.class.getResourceAsStream("/io/newsstream/bench/lang/" + lang + ".txt")) {
            sample = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int cut = sample.indexOf("\n\n");
        String title = sample.substring(0, cut).trim();
        String text = sample.substring(cut).trim();
        List<RawArticle> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(new RawArticle(RawArticle.SCHEMA_VERSION, "bench-" + lang + "-" + i, new io.newsstream.common.model.Source("bench", null),
                    title, null, java.time.Instant.parse("2026-01-01T00:00:00Z"), null, text));
        }
        return out;
    }

    private void dropParts() {
        freeParts();
        heap.reset();
        Runtime rt = Runtime.getRuntime();
        reply("dropped", Map.of("usedMiB", (rt.totalMemory() - rt.freeMemory()) / 1048576.0));
    }

    /** Frees the separately built steps (a second copy of the English models) and collects the garbage. */
    private void freeParts() {
        recognizer = null;
        resolver = null;
        scorer = null;
        language = null;
        System.gc();
    }

    @SuppressWarnings("unchecked")
    private void start(Map<String, Object> c) {
        if (service != null) {
            throw new IllegalStateException("an enrich service is already running");
        }
        NewsstreamConfig config = NewsstreamConfig.defaults()
                .withBootstrapServers((String) c.get("bootstrap"))
                .with((Map<String, String>) c.get("settings"));
        heap.reset();
        service = new EnrichService(config, enricher);
        service.streams().setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING) {
                reply("running", Map.of("at", System.currentTimeMillis()));
            } else if (now == KafkaStreams.State.ERROR) {
                reply("error", Map.of("command", "start", "message", "the enrich service stopped with an error"));
            }
        });
        reply("started", Map.of("at", System.currentTimeMillis()));
        service.start();
    }

    private Map<String, Object> stopService() {
        if (service == null) {
            return Map.of();
        }
        Map<String, Object> snapshot = heap.snapshot();
        service.close();
        service = null;
        return snapshot;
    }

    /** Each stream thread of the running service: its active tasks and the CPU time it used. */
    private List<Map<String, Object>> streamThreads() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        Map<String, Long> cpu = new java.util.HashMap<>();
        for (java.lang.management.ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (info != null) {
                cpu.put(info.getThreadName(), mx.getThreadCpuTime(info.getThreadId()));
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (org.apache.kafka.streams.ThreadMetadata t : service.streams().metadataForLocalThreads()) {
            List<String> tasks = t.activeTasks().stream().map(task -> task.taskId().toString()).sorted().toList();
            out.add(Map.of("name", t.threadName(), "tasks", tasks,
                    "cpuMillis", cpu.getOrDefault(t.threadName(), -1_000_000L) / 1_000_000L));
        }
        return out;
    }

    private synchronized void reply(String event, Map<String, ?> payload) {
        try {
            out.println(PREFIX + event + " " + json.writeValueAsString(payload));
        } catch (Exception e) {
            out.println(PREFIX + "error {\"message\":\"cannot write a reply\"}");
        }
    }
}
