package io.newsstream.enrich.stories;

import io.newsstream.common.config.NewsstreamConfig;
import io.newsstream.common.model.EnrichedArticle;
import io.newsstream.common.model.RawArticle;
import io.newsstream.common.model.StoryRef;
import io.newsstream.enrich.Enricher;
import io.newsstream.enrich.EnricherFactory;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.HashSet;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Hand-run measurements for docs/stories.md (no timed assertions in tests):
 * story assignment per article with 100,000 articles in state, over the in-memory index and over the
 * RocksDB-backed store index (no record cache); and a copy's cost against a fresh enrichment with the real models.
 */
public final class StorySpeedMain {

    private static final int IN_STATE = 100_000;
    private static final int MEASURED = 10_000;

    public static void main(String[] args) throws Exception {
        List<ArticleFeatures> articles = synthetic(IN_STATE + MEASURED, 7);
        System.out.printf("in-memory index: %.3f ms/article with %,d articles in state%n",
                assignment(new InMemoryStoryIndex(), articles), IN_STATE);
        System.out.printf("RocksDB store index: %.3f ms/article with %,d articles in state%n",
                assignment(new StoreStoryIndex(new ExpiringStore(rocksDb())), articles), IN_STATE);
        if (args.length == 0 || !args[0].equals("assign")) {
            copyCost();
        }
    }

    /** Events with core entities and words; each article is one event's core plus noise, all within two days. */
    static List<ArticleFeatures> synthetic(int n, long seed) {
        Random r = new Random(seed);
        int events = n / 4;
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            words.add("w" + i);
        }
        List<ArticleFeatures> out = new ArrayList<>(n);
        long t0 = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
        for (int i = 0; i < n; i++) {
            // recent events are likelier, as in a news stream
            int event = Math.max(0, (int) ((long) i * events / n) - (int) Math.abs(r.nextGaussian() * 50));
            Random e = new Random(event * 31L + 1);
            Map<String, Double> ents = new LinkedHashMap<>();
            for (int k = 0; k < 5; k++) {
                ents.put("ent_" + zipf(e, 20_000), 1.0 - k * 0.1);
            }
            for (int k = 0; k < 3; k++) {
                ents.putIfAbsent("ent_" + zipf(r, 20_000), 0.4 - k * 0.1);
            }
            StringBuilder text = new StringBuilder();
            for (int k = 0; k < 60; k++) {
                text.append(words.get(e.nextInt(words.size()))).append(' ');
            }
            for (int k = 0; k < 90; k++) {
                text.append(words.get(zipf(r, words.size()))).append(' ');
            }
            long t = t0 + (long) i * (2 * 24 * 3600 * 1000L) / n;
            out.add(new ArticleFeatures("a" + i, null, t, t, ents, StoryFeatures.contentTerms(null, text.toString())));
        }
        return out;
    }

    private static int zipf(Random r, int n) {
        return (int) Math.min(n - 1, Math.floor(Math.exp(r.nextDouble() * Math.log(n))) - 1);
    }

    static double assignment(StoryIndex index, List<ArticleFeatures> articles) {
        StoryAssigner assigner = new StoryAssigner(index, Duration.ofDays(3));
        Set<String> stories = new HashSet<>();
        for (int i = 0; i < IN_STATE; i++) {
            stories.add(assigner.assign(articles.get(i)).id());
        }
        long start = System.nanoTime();
        for (int i = IN_STATE; i < articles.size(); i++) {
            stories.add(assigner.assign(articles.get(i)).id());
        }
        double ms = (System.nanoTime() - start) / 1e6 / MEASURED;
        System.out.printf("  (%,d stories for %,d articles)%n", stories.size(), articles.size());
        return ms;
    }

    static KeyValueStore<String, byte[]> rocksDb() throws Exception {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "speed");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        java.io.File dir = Files.createTempDirectory("story-speed").toFile();
        p.put(StreamsConfig.STATE_DIR_CONFIG, dir.toString());
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>(p, new org.apache.kafka.streams.processor.TaskId(0, 0), dir);
        KeyValueStore<String, byte[]> store = Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore("speed"),
                Serdes.String(), Serdes.ByteArray()).withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        return store;
    }

    /** A copy's cost (find the original, copy its enrichment, assign its story) against a fresh enrichment. */
    static void copyCost() {
        Enricher enricher = EnricherFactory.create(NewsstreamConfig.defaults());
        List<StoryTestData.Labelled> seeds = StoryTestData.seeds();
        List<RawArticle> raws = seeds.stream().map(StoryTestData.Labelled::article).toList();
        List<EnrichedArticle> fresh = new ArrayList<>();
        for (RawArticle r : raws) {
            fresh.add(enricher.enrich(r));
        }
        int rounds = 10;
        long start = System.nanoTime();
        for (int k = 0; k < rounds; k++) {
            for (RawArticle r : raws) {
                enricher.enrich(r);
            }
        }
        double enrichMs = (System.nanoTime() - start) / 1e6 / (rounds * raws.size());

        List<RawArticle> copies = new ArrayList<>();
        for (RawArticle r : raws) {
            copies.add(new RawArticle(r.schemaVersion(), r.id() + "-copy", r.source(), "A new headline", r.publishedAt(),
                    r.ingestedAt(), null, "Advertisement\n" + r.text().replaceFirst("the", "a") + "\nShare this article"));
        }
        int copyRounds = 2_000;
        double findMs = 0;
        double copyMs = 0;
        for (int k = 0; k < copyRounds; k++) {
            NearDuplicateDetector detector = new NearDuplicateDetector(new InMemoryDuplicateIndex(), Duration.ofDays(3));
            StoryAssigner assigner = new StoryAssigner(new InMemoryStoryIndex(), Duration.ofDays(3));
            for (int i = 0; i < raws.size(); i++) {
                detector.check(raws.get(i).id(), raws.get(i).text(), raws.get(i).ingestedAt());
                assigner.assign(StoryFeatures.of(fresh.get(i), raws.get(i).text()));
            }
            long t = System.nanoTime();
            List<NearDuplicateDetector.Verdict> verdicts = new ArrayList<>();
            for (RawArticle c : copies) {
                verdicts.add(detector.check(c.id(), c.text(), c.ingestedAt()));
            }
            long t2 = System.nanoTime();
            for (int i = 0; i < copies.size(); i++) {
                RawArticle c = copies.get(i);
                ArticleFeatures f = new ArticleFeatures(c.id(), null, c.ingestedAt().toEpochMilli(), null,
                        StoryFeatures.entityWeights(fresh.get(i).entities()), new int[0]);
                StoryRef ref = assigner.assignCopy(f, verdicts.get(i).duplicateOf(), verdicts.get(i).similarity());
                DuplicateCopier.copy(fresh.get(i), c, ref, true);
            }
            long t3 = System.nanoTime();
            if (k >= copyRounds / 2) {
                findMs += (t2 - t) / 1e6;
                copyMs += (t3 - t2) / 1e6;
            }
            if (verdicts.stream().anyMatch(v -> !v.isDuplicate())) {
                throw new IllegalStateException("a copy was not recognised");
            }
        }
        int n = copyRounds / 2 * copies.size();
        System.out.printf("fresh enrichment (real models, seeds): %.2f ms/article%n", enrichMs);
        System.out.printf("copy: finding the original %.3f ms, copying enrichment + story %.3f ms; "
                        + "copy/fresh = %.2f%% (%.2f%% without the check every article pays)%n",
                findMs / n, copyMs / n, 100 * (findMs + copyMs) / n / enrichMs, 100 * copyMs / n / enrichMs);
    }
}
