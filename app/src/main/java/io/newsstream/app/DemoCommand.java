package io.newsstream.app;

import io.newsstream.broker.EmbeddedKafkaBroker;
import io.newsstream.common.config.NewsstreamConfig;
import io.newsstream.common.model.EnrichedArticle;
import io.newsstream.common.topics.TopicAdmin;
import io.newsstream.common.topics.Topics;
import io.newsstream.enrich.EnrichService;
import io.newsstream.enrich.Enricher;
import io.newsstream.enrich.EnricherFactory;
import io.newsstream.ingest.publish.ArticlePublisher;
import io.newsstream.ingest.publish.ArticleSink;
import io.newsstream.ingest.publish.SeenIds;
import io.newsstream.ingest.read.ArticleReader;
import io.newsstream.ingest.read.ReadResult;
import io.newsstream.sink.SinkService;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code newsstream demo}: the whole pipeline in one process on an embedded Kafka broker. Starts the
 * broker, creates the topics, runs enrich and sink, ingests a folder of articles, waits for them to
 * come out enriched and prints a summary.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the whole pipeline over the seed articles on an embedded Kafka broker.",
                "Starts a real Kafka broker in this process, creates the topics, runs enrich and sink, ingests the articles, waits for them",
                "to come out enriched and prints a summary. With --follow it keeps running so you can feed more."},
        footer = {"", "Examples:", "  ./newsstream demo", "  ./newsstream demo --follow",
                "  ./newsstream demo --articles my-articles/ --timeout 10m"})
public final class DemoCommand implements Callable<Integer> {

    @Mixin
    OfflineOptions options;

    @Option(names = "--articles", paramLabel = "DIR", defaultValue = "seeds",
            description = "Folder (or file) of articles to ingest (default: ${DEFAULT-VALUE}).")
    Path articles;

    /** How often --follow looks at the stream applications' state. */
    private static final Duration FOLLOW_CHECK = Duration.ofSeconds(1);

    @Option(names = "--follow", description = "Keep running after the summary; print how to ingest more and watch.")
    boolean follow;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "9092",
            description = "Port for the embedded broker; a free one is used when it is taken (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5m",
            description = "How long to wait for the articles to come out enriched (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (!Files.exists(articles)) {
            throw new UserException("no articles at '" + articles.toAbsolutePath() + "' (run from the repository root, or pass --articles DIR)");
        }
        Duration deadline = io.newsstream.common.config.Settings.parseDurationSetting("--timeout", timeout);
        Path work = workDirectory();
        EmbeddedKafkaBroker.Builder builder = EmbeddedKafkaBroker.builder().logDir(work.resolve("kafka"));
        if (portFree(port)) {
            builder.brokerPort(port);
        }
        out.println("newsstream demo: starting an embedded Kafka broker...");
        try {
            return run(out, builder, work, deadline);
        } finally {
            deleteRecursively(work);
        }
    }

    private int run(PrintStream out, EmbeddedKafkaBroker.Builder builder, Path work, Duration deadline) throws Exception {
        try (EmbeddedKafkaBroker broker = builder.build().start()) {
            String bootstrap = broker.bootstrapServers();
            out.println("  Kafka broker (KRaft, in-process) at " + bootstrap);
            NewsstreamConfig config = options.load().withBootstrapServers(bootstrap).with(Map.of(
                    "enrich.state.dir", work.resolve("enrich-state").toString(),
                    "sink.state.dir", work.resolve("sink-state").toString()));
            List<String> created = TopicAdmin.createAll(config, Duration.ofSeconds(60));
            out.println("  topics created: " + String.join(", ", created));

            out.println("  loading the enrichment models...");
            long t0 = System.nanoTime();
            Enricher enricher = EnricherFactory.create(config);
            out.printf("  models loaded in %.1f s%n", (System.nanoTime() - t0) / 1e9);

            try (EnrichService enrich = new EnrichService(config, enricher);
                 SinkService sink = new SinkService(config)) {
                enrich.start();
                sink.start();

                List<String> ids = ingest(config, out);
                Map<String, EnrichedArticle> enriched = awaitEnriched(config, ids, deadline, out);
                printSummary(out, enriched);
                if (enriched.size() < ids.size()) {
                    out.printf("%nOnly %d of %d articles came out enriched within %s; see 'newsstream tail deadletter'.%n",
                            enriched.size(), ids.size(), deadline);
                    return 1;
                }
                if (follow) {
                    try (var dashboard = DashboardCommand.start(config, null, null)) {
                        out.println("  dashboard (live page and JSON API): " + dashboard.url());
                        if (!follow(out, bootstrap, enrich.streams(), sink.streams())) {
                            return 1;
                        }
                    }
                }
                return 0;
            }
        }
    }

    /** Reads the articles and publishes them to the raw topic; returns the ids published, in order. */
    private List<String> ingest(NewsstreamConfig config, PrintStream out) {
        List<ReadResult> read = ArticleReader.create(config).read(articles);
        List<String> ids = new java.util.ArrayList<>();
        int duplicates = 0;
        try (ArticlePublisher publisher = ArticlePublisher.create(config, new SeenIds())) {
            List<java.util.concurrent.CompletableFuture<ArticleSink.Outcome>> pending = new java.util.ArrayList<>();
            for (ReadResult r : read) {
                if (r.isAccepted()) {
                    pending.add(publisher.publish(r.article()));
                    ids.add(r.article().id());
                } else {
                    out.println("  rejected " + r.describe());
                }
            }
            publisher.flush();
            for (int i = pending.size() - 1; i >= 0; i--) {
                if (pending.get(i).join() == ArticleSink.Outcome.DUPLICATE) {
                    duplicates++;
                }
            }
        }
        List<String> distinct = ids.stream().distinct().toList();
        out.printf("  ingested %s: %d articles published to %s (%d duplicates skipped, %d rejected)%n", articles,
                distinct.size(), config.topics().name(Topics.RAW), duplicates, read.size() - ids.size());
        if (distinct.isEmpty()) {
            throw new UserException("no article could be read from " + articles);
        }
        return distinct;
    }

    private static Map<String, EnrichedArticle> awaitEnriched(NewsstreamConfig config, List<String> ids, Duration deadline,
                                                              PrintStream out) {
        Properties p = config.clientProperties();
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "newsstream-demo-" + System.nanoTime());
        Map<String, EnrichedArticle> got = new LinkedHashMap<>();
        long end = System.nanoTime() + deadline.toNanos();
        long lastReport = 0;
        try (KafkaConsumer<String, EnrichedArticle> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                Topics.ENRICHED.valueSerde().deserializer())) {
            consumer.subscribe(List.of(config.topics().name(Topics.ENRICHED)));
            while (got.size() < ids.size() && System.nanoTime() < end) {
                for (var r : consumer.poll(Duration.ofMillis(500))) {
                    if (ids.contains(r.key())) {
                        got.put(r.key(), r.value());
                    }
                }
                if (System.nanoTime() - lastReport > 3_000_000_000L) {
                    lastReport = System.nanoTime();
                    out.printf("  waiting for enriched articles: %d/%d%n", got.size(), ids.size());
                }
            }
        }
        Map<String, EnrichedArticle> ordered = new LinkedHashMap<>();
        ids.stream().filter(got::containsKey).forEach(id -> ordered.put(id, got.get(id)));
        return ordered;
    }

    private static void printSummary(PrintStream out, Map<String, EnrichedArticle> enriched) {
        out.printf("%n%d enriched articles on %s:%n%n", enriched.size(), Topics.ENRICHED.defaultName());
        for (EnrichedArticle a : enriched.values()) {
            out.println(EventFormatter.enriched(a));
            out.println();
        }
        Map<String, List<EnrichedArticle>> stories = new LinkedHashMap<>();
        enriched.values().stream().filter(a -> a.story() != null)
                .forEach(a -> stories.computeIfAbsent(a.story().id(), k -> new java.util.ArrayList<>()).add(a));
        out.printf("%d %s:%n", stories.size(), stories.size() == 1 ? "story" : "stories");
        stories.forEach((id, articles) -> out.printf("  %s  %d articles, %d copies%n", id, articles.size(),
                articles.stream().filter(a -> a.story().duplicateOf() != null).count()));
    }

    /**
     * Keeps the pipeline running until Ctrl-C or SIGTERM (or a stream application fails), then returns so
     * the services close (leaving their groups) and the broker stops: exit 0 after a requested stop.
     *
     * @return false when a stream application stopped on its own
     */
    private static boolean follow(PrintStream out, String bootstrap, KafkaStreams... apps) throws InterruptedException {
        try (StopSignal stop = StopSignal.install()) {
            out.println("The pipeline keeps running (Ctrl-C to stop). In another terminal:");
            out.println("  java -jar app/target/newsstream.jar ingest --bootstrap-server " + bootstrap + " my-article.txt");
            out.println("  java -jar app/target/newsstream.jar tail --bootstrap-server " + bootstrap);
            out.println("  java -jar app/target/newsstream.jar tail dashboard.entities --bootstrap-server " + bootstrap);
            out.flush();
            // the applications are started: their state is watched, not listened to (a listener must be set before start)
            while (!stop.await(FOLLOW_CHECK)) {
                for (KafkaStreams s : apps) {
                    if (s.state() == KafkaStreams.State.ERROR || s.state() == KafkaStreams.State.NOT_RUNNING) {
                        out.println("a stream application stopped (" + s.state() + "); stopping");
                        stop.request(s.state().name());
                    }
                }
            }
            out.println("stopping (" + stop.reason() + ")...");
            out.flush();
            return stop.reason() != null && stop.reason().startsWith("SIG") || "shutdown".equals(stop.reason());
        }
    }

    /**
     * Broker logs and stream state for this run: under {@code .newsstream/} in the working directory
     * (the OS temp directory may be cleaned under a running broker), else in the temp directory.
     */
    private static Path workDirectory() throws IOException {
        try {
            Path base = Files.createDirectories(Path.of(".newsstream"));
            return Files.createTempDirectory(base.toAbsolutePath(), "demo-");
        } catch (IOException e) {
            return Files.createTempDirectory("newsstream-demo-");
        }
    }

    private static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            System.err.println("demo: could not remove " + dir + ": " + e.getMessage());
        }
    }

    private static boolean portFree(int port) {
        try (java.net.ServerSocket s = new java.net.ServerSocket(port, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
