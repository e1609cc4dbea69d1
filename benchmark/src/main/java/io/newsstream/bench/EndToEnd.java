package io.newsstream.bench;

import io.newsstream.common.config.NewsstreamConfig;
import io.newsstream.common.model.EnrichedArticle;
import io.newsstream.common.model.RawArticle;
import io.newsstream.common.serde.JsonSerde;
import io.newsstream.common.topics.TopicAdmin;
import io.newsstream.common.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One end-to-end run on the bench broker with a given number of stream threads: fresh topics, the
 * enrich service in the {@link EnrichWorker} JVM, the producer and a {@code read_committed} consumer
 * here.
 * <ol>
 *   <li><b>throughput</b>: N articles are pre-loaded onto the raw topic, then the service starts; the
 *       sustained rate is N over the time from the service reaching RUNNING to the last enriched record
 *       committed; the start-up (start to RUNNING) and the rate counted from the start are reported
 *       beside it;</li>
 *   <li><b>latency</b>: the service keeps running and a paced producer sends articles at a given rate,
 *       each record stamped with its send time; latency is the time from that stamp until the enriched
 *       record (which keeps the input's timestamp) is read committed here;</li>
 *   <li><b>duplicates</b> (when the enriched records carry stories): the service stops, copies of
 *       articles it has already enriched are pre-loaded under new ids, it starts again, and their rate
 *       is counted as in 1.</li>
 * </ol>
 */
final class EndToEnd implements AutoCloseable {

    /** Partitions of each bench topic: the product's default, which gives 1, 2 and 4 stream threads equal numbers of tasks. */
    static final int PARTITIONS = io.newsstream.common.config.TopicConfig.DEFAULT_PARTITIONS;

    private final String bootstrap;
    private final List<WorkerProcess> workers;
    private final Map<String, String> settings;
    private final NewsstreamConfig config;
    private final KafkaProducer<String, RawArticle> producer;
    private final KafkaConsumer<String, byte[]> consumer;

    /** One record read committed from the enriched or dead-letter topic. */
    record Arrival(String key, long timestamp, long receivedAt, boolean enriched, boolean hasStory, boolean duplicate) {
    }

    /**
     * A run on the topics of {@code tag}, which {@link #createTopics} must have created.
     *
     * @param extra newsstream settings for the enrich service only, e.g. {@code kafka.commit.interval.ms}
     */
    EndToEnd(String bootstrap, WorkerProcess worker, String tag, int threads, Path stateDir, Map<String, String> extra) {
        this(bootstrap, List.of(worker), tag, threads, stateDir, extra);
    }

    /**
     * A run with one enrich process per worker, each with {@code threads} stream threads and its own state
     * directory, all in one application (Kafka Streams spreads the partitions over them).
     */
    EndToEnd(String bootstrap, List<WorkerProcess> workers, String tag, int threads, Path stateDir, Map<String, String> extra) {
        this.bootstrap = bootstrap;
        this.workers = List.copyOf(workers);
        this.config = NewsstreamConfig.defaults().withBootstrapServers(bootstrap).with(topicSettings(tag));
        Map<String, String> s = new HashMap<>(extra);
        s.putAll(topicSettings(tag));
        s.put("enrich.threads", Integer.toString(threads));
        s.put("enrich.application.id", "bench-" + tag);
        s.put("enrich.state.dir", stateDir.resolve(tag).toString());
        // The enrich service's settings: the run's, plus any the user gave to try (kafka.* included).
        this.settings = Map.copyOf(s);

        Properties p = config.clientProperties();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // Latency is measured from the send: no batching delay on the producer's side.
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        // A send that cannot complete fails the run in a minute instead of the default two.
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
        this.producer = new KafkaProducer<>(p, new StringSerializer(), Topics.RAW.valueSerde().serializer());

        Properties c = config.clientProperties();
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // A short fetch wait so the measuring consumer does not add its own delay to the latency.
        c.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> parts = new ArrayList<>();
        for (String topic : List.of(config.topics().name(Topics.ENRICHED), config.topics().name(Topics.DEADLETTER))) {
            for (int i = 0; i < PARTITIONS; i++) {
                parts.add(new TopicPartition(topic, i));
            }
        }
        consumer.assign(parts);
        consumer.seekToBeginning(parts);
    }

    /**
     * Creates the topics of each run tag, before the runs; {@link TopicAdmin#createAll} returns once every
     * partition's leader answers for it.
     */
    static void createTopics(String bootstrap, List<String> tags) {
        for (String tag : tags) {
            TopicAdmin.createAll(NewsstreamConfig.defaults().withBootstrapServers(bootstrap).with(topicSettings(tag)),
                    Duration.ofSeconds(60));
        }
    }

    private static Map<String, String> topicSettings(String tag) {
        Map<String, String> s = new HashMap<>();
        s.put("topic.partitions", Integer.toString(PARTITIONS));
        for (var t : Topics.all()) {
            s.put("topic." + t.key() + ".name", "bench." + tag + "." + t.key());
        }
        return s;
    }

    /** Sends {@code articles} and waits until the broker has them all. */
    void preload(List<RawArticle> articles) {
        String raw = config.topics().name(Topics.RAW);
        AtomicReference<Exception> failure = new AtomicReference<>();
        java.util.concurrent.atomic.AtomicInteger failed = new java.util.concurrent.atomic.AtomicInteger();
        for (RawArticle a : articles) {
            producer.send(new ProducerRecord<>(raw, a.id(), a), (metadata, e) -> {
                if (e != null) {
                    failed.incrementAndGet();
                    failure.compareAndSet(null, e);
                }
            });
        }
        producer.flush();
        if (failure.get() != null) {
            throw new IllegalStateException(failed.get() + " of " + articles.size() + " articles could not be sent to "
                    + raw + ": " + failure.get());
        }
    }

    /**
     * Starts the service, waits until {@code expected} records whose key passes {@code keys} have
     * been read, and says how fast they came.
     */
    Map<String, Object> drain(int expected, Predicate<String> keys, Duration timeout) throws InterruptedException {
        long wallBefore = System.nanoTime();
        long benchBefore = benchCpuNanos();
        long workersBefore = workersCpuNanos();
        for (int i = 0; i < workers.size(); i++) {
            workers.get(i).drain("running");
            Map<String, String> own = new HashMap<>(settings);
            if (workers.size() > 1) {
                // processes on one machine need state directories of their own
                own.put("enrich.state.dir", settings.get("enrich.state.dir") + "-p" + (i + 1));
            }
            workers.get(i).send(Map.of("cmd", "start", "bootstrap", bootstrap, "settings", own));
        }
        long startedAt = Long.MAX_VALUE;
        for (WorkerProcess worker : workers) {
            startedAt = Math.min(startedAt, ((Number) worker.await("started", Duration.ofSeconds(60)).payload().get("at")).longValue());
        }
        List<Arrival> got = collect(expected, keys, timeout);
        long wall = Math.max(1, System.nanoTime() - wallBefore);
        long benchCpu = benchCpuNanos() - benchBefore;
        long workersCpu = workersCpuNanos() - workersBefore;
        // Running: the last time a service reached RUNNING before the first output (it may rebalance once
        // more while it creates its internal topics, or when another process joins).
        long firstOut = got.isEmpty() ? Long.MAX_VALUE : got.get(0).receivedAt();
        long runningAt = startedAt;
        for (WorkerProcess worker : workers) {
            for (WorkerProcess.Reply r : worker.drain("running")) {
                long at = ((Number) r.payload().get("at")).longValue();
                if (at <= firstOut) {
                    runningAt = Math.max(runningAt, at);
                }
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", got.size());
        m.put("deadLetters", got.stream().filter(a -> !a.enriched()).count());
        m.put("withStory", got.stream().filter(Arrival::hasStory).count());
        m.put("duplicates", got.stream().filter(Arrival::duplicate).count());
        // Cores each side kept busy over the drain (start-up included): the enrich JVMs, and this JVM,
        // which holds the broker and the measuring producer and consumer on the same machine.
        if (benchBefore >= 0 && workersBefore >= 0) {
            m.put("workerCores", (double) workersCpu / wall);
            m.put("benchCores", (double) benchCpu / wall);
        }
        m.put("streamThreads", streamThreads());
        if (got.isEmpty()) {
            m.put("steady", 0.0);
            return m;
        }
        long last = got.get(got.size() - 1).receivedAt();
        // Sustained: every record from the moment the service is running until the last is committed.
        // Counting between output times instead would flatter a pipeline of several hops, whose first
        // output comes late while the later records are already on their way.
        m.put("startupMillis", runningAt - startedAt);
        m.put("fromStart", Stats.perSecond(got.size(), Math.max(1, last - startedAt) * 1_000_000L));
        m.put("steady", Stats.perSecond(got.size(), Math.max(1, last - runningAt) * 1_000_000L));
        m.put("complete", got.size() >= expected);
        return m;
    }

    /** Every enrich process's stream threads: their active tasks and the CPU time each used since the start. */
    private List<Object> streamThreads() throws InterruptedException {
        List<Object> all = new ArrayList<>();
        for (WorkerProcess w : workers) {
            w.send(Map.of("cmd", "threads"));
            if (w.await("threads", Duration.ofSeconds(30)).payload().get("threads") instanceof List<?> threads) {
                all.addAll(threads);
            }
        }
        return all;
    }

    private static long benchCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
    }

    private long workersCpuNanos() {
        long sum = 0;
        for (WorkerProcess w : workers) {
            long n = w.cpuNanos();
            if (n < 0) {
                return -1;
            }
            sum += n;
        }
        return sum;
    }

    /**
     * With the service running, sends {@code articles} at {@code rate} per second and reports the
     * latency percentiles of their enriched records.
     */
    Map<String, Object> latency(List<RawArticle> articles, double rate, Duration timeout) throws InterruptedException {
        String raw = config.topics().name(Topics.RAW);
        long interval = (long) (1e9 / rate);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        articles.forEach(a -> ids.add(a.id()));
        Thread pacer = new Thread(() -> {
            try {
                long next = System.nanoTime();
                for (RawArticle a : articles) {
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    producer.send(new ProducerRecord<>(raw, null, System.currentTimeMillis(), a.id(), a), (metadata, e) -> {
                        if (e != null) {
                            failure.compareAndSet(null, e);
                        }
                    });
                    next += interval;
                }
                producer.flush();
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "bench-paced-producer");
        pacer.start();
        List<Arrival> got = collect(articles.size(), ids::contains, timeout);
        pacer.join();
        if (failure.get() != null) {
            throw new IllegalStateException("the paced producer failed: " + failure.get(), failure.get());
        }
        double[] latencies = got.stream().mapToDouble(a -> a.receivedAt() - a.timestamp()).toArray();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rate", rate);
        m.put("count", got.size());
        m.put("complete", got.size() >= articles.size());
        if (latencies.length > 0) {
            m.put("p50", Stats.percentile(latencies, 50));
            m.put("p95", Stats.percentile(latencies, 95));
            m.put("p99", Stats.percentile(latencies, 99));
            m.put("max", Stats.percentile(latencies, 100));
        }
        return m;
    }

    /** Stops the services and returns the heap figures of the one that held the most after GC. */
    Map<String, Object> stop() throws InterruptedException {
        workers.forEach(w -> w.send(Map.of("cmd", "stop")));
        Map<String, Object> most = Map.of();
        for (WorkerProcess worker : workers) {
            @SuppressWarnings("unchecked")
            Map<String, Object> heap = (Map<String, Object>) worker.await("stopped", Duration.ofSeconds(90)).payload().get("heap");
            if (most.isEmpty() || afterGc(heap) > afterGc(most)) {
                most = heap;
            }
        }
        return most;
    }

    private static double afterGc(Map<String, Object> heap) {
        return heap.get("afterGcMiB") instanceof Number n ? n.doubleValue() : 0;
    }

    private List<Arrival> collect(int expected, Predicate<String> keys, Duration timeout) {
        String enrichedTopic = config.topics().name(Topics.ENRICHED);
        JsonSerde<EnrichedArticle> serde = JsonSerde.of(EnrichedArticle.class);
        List<Arrival> got = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (got.size() < expected && System.nanoTime() < deadline) {
            ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(50));
            long now = System.currentTimeMillis();
            for (ConsumerRecord<String, byte[]> r : records) {
                if (r.key() == null || !keys.test(r.key())) {
                    continue;
                }
                boolean enriched = r.topic().equals(enrichedTopic);
                boolean hasStory = false;
                boolean duplicate = false;
                if (enriched) {
                    EnrichedArticle a = serde.fromBytes(r.value());
                    hasStory = a.story() != null;
                    duplicate = hasStory && a.story().duplicateOf() != null;
                }
                got.add(new Arrival(r.key(), r.timestamp(), now, enriched, hasStory, duplicate));
            }
        }
        return got;
    }

    @Override
    public void close() {
        try {
            producer.close(Duration.ofSeconds(10));
        } finally {
            consumer.close(Duration.ofSeconds(10));
        }
    }
}
