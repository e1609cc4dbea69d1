package io.newsstream.bench;

import io.newsstream.enrich.stories.ArticleFeatures;
import io.newsstream.enrich.stories.ExpiringStore;
import io.newsstream.enrich.stories.NearDuplicateDetector;
import io.newsstream.enrich.stories.StoreDuplicateIndex;
import io.newsstream.enrich.stories.StoreStoryIndex;
import io.newsstream.enrich.stories.StoryAssigner;
import io.newsstream.enrich.stories.StoryFeatures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The story step's own ceiling: how many articles per second its one partition can take, with a large
 * state. The production copy detector ({@link NearDuplicateDetector} over {@link StoreDuplicateIndex}) and
 * story assigner ({@link StoryAssigner} over {@link StoreStoryIndex}) run over RocksDB stores, as in the
 * topology but without Kafka Streams' record cache and changelog (an upper bound on their cost: the cache
 * saves repeated writes of a key within a commit) and without the repartition record's JSON.
 *
 * <p>Articles are synthetic, so that a state of 100,000 articles builds in a minute without the models:
 * events with five core entities (of 20,000) and 60 core words (of 20,000), each article an event's core
 * plus Zipf-distributed noise words and entities, recent events likelier, spread over two days. Their
 * copy signatures come from their own text, so no article is a copy of another.
 */
final class StoryCeiling {

    private StoryCeiling() {
    }

    /** One synthetic article: its features for the assigner and its text for the copy signature. */
    record Synthetic(ArticleFeatures features, String text) {
    }

    /**
     * Fills the state with {@code inState} articles, then times {@code measured} more.
     *
     * @return articles/s over the timed ones, ms per article, and the stories and articles in state
     */
    static Map<String, Object> measure(int inState, int measured, Path dir) throws IOException {
        Generator articles = new Generator(inState + measured, 7);
        Duration quiet = Duration.ofDays(3);
        KeyValueStore<String, byte[]> copyStore = rocksDb(dir, "copies");
        KeyValueStore<String, byte[]> storyStore = rocksDb(dir, "stories");
        try {
            NearDuplicateDetector copies = new NearDuplicateDetector(new StoreDuplicateIndex(new ExpiringStore(copyStore)), quiet);
            StoryAssigner stories = new StoryAssigner(new StoreStoryIndex(new ExpiringStore(storyStore)), quiet);
            Set<String> storyIds = new HashSet<>();
            for (int i = 0; i < inState; i++) {
                storyIds.add(step(copies, stories, articles.next()));
            }
            int storiesInState = storyIds.size();
            long start = System.nanoTime();
            int copiesFound = 0;
            for (int i = 0; i < measured; i++) {
                if (step(copies, stories, articles.next()) == null) {
                    copiesFound++;
                }
            }
            long nanos = System.nanoTime() - start;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rate", Stats.perSecond(measured, nanos));
            m.put("msPerArticle", nanos / 1e6 / measured);
            m.put("articlesInState", inState);
            m.put("storiesInState", storiesInState);
            m.put("measured", measured);
            m.put("copies", copiesFound);
            return m;
        } finally {
            copyStore.close();
            storyStore.close();
        }
    }

    /** What the story step does for an original: copy check, then story assignment. Null when taken for a copy. */
    private static String step(NearDuplicateDetector copies, StoryAssigner stories, Synthetic a) {
        NearDuplicateDetector.Verdict verdict = copies.check(a.features().id(), NearDuplicateDetector.content(a.text()),
                Instant.ofEpochMilli(a.features().seenAt()));
        return verdict.isDuplicate() ? null : stories.assign(a.features()).id();
    }

    /** The synthetic stream, made one article at a time so that a large state needs no list of them. */
    static final class Generator {
        private final Random r;
        private final int n;
        private final int events;
        private final List<String> words = new ArrayList<>();
        private final long t0 = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
        private int i;

        Generator(int n, long seed) {
            this.r = new Random(seed);
            this.n = n;
            this.events = n;
            for (int k = 0; k < 20_000; k++) {
                words.add(word(k));
            }
        }

        Synthetic next() {
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
            for (int k = 0; k < 240; k++) {
                text.append(words.get(zipf(r, words.size()))).append(' ');
            }
            long t = t0 + (long) i * (2 * 24 * 3600 * 1000L) / n;
            String body = text.toString();
            Synthetic s = new Synthetic(new ArticleFeatures("a" + i, null, t, t, "en", ents,
                    StoryFeatures.contentTerms(null, body)), body);
            i++;
            return s;
        }

        /** A made-up lower-case word of letters for {@code k}: "qa", "qb", ... */
        private static String word(int k) {
            StringBuilder b = new StringBuilder("q");
            do {
                b.append((char) ('a' + k % 26));
                k /= 26;
            } while (k > 0);
            return b.append("ox").toString();
        }
    }

    private static int zipf(Random r, int n) {
        return (int) Math.min(n - 1, Math.floor(Math.exp(r.nextDouble() * Math.log(n))) - 1);
    }

    private static KeyValueStore<String, byte[]> rocksDb(Path parent, String name) throws IOException {
        Path dir = Files.createDirectories(parent.resolve(name));
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-story-ceiling");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        p.put(StreamsConfig.STATE_DIR_CONFIG, dir.toString());
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>(p, new TaskId(0, 0), dir.toFile());
        KeyValueStore<String, byte[]> store = Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name),
                Serdes.String(), Serdes.ByteArray()).withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        return store;
    }
}
