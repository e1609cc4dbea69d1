package io.newsstream.enrich.topology;

import io.newsstream.common.metrics.StageMetrics;
import io.newsstream.common.config.EnrichConfig;
import io.newsstream.common.config.NewsstreamConfig;
import io.newsstream.common.config.TopicConfig;
import io.newsstream.common.serde.JsonSerde;
import io.newsstream.common.topics.Topics;
import io.newsstream.enrich.Enricher;
import io.newsstream.enrich.stories.CopyHints;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The enrich topology, in two sub-topologies joined by one internal topic, so that an article crosses one
 * repartition (and waits for one transaction commit) on its way:
 * <ol>
 *   <li>on the raw topic's partitions, in parallel: {@code check-raw} parses and checks without models,
 *       then {@code enrich-article} computes the article's copy signature and runs the models, unless the
 *       in-process {@link CopyHints} say it is likely a copy of a recent original;</li>
 *   <li>{@code assign-stories} on one partition ({@code stories-repartition}), which sees every article in
 *       one order: decides copies (store {@value #COPIES_STORE}), gives a copy its original's enrichment,
 *       assigns stories (store {@value #STORIES_STORE}) and writes out.</li>
 * </ol>
 * Topics:
 * <ul>
 *   <li>reads {@code news.articles.raw}: key article id (bytes, may be null), value RawArticle JSON (bytes,
 *       parsed here so that unparseable records can be dead-lettered with their original bytes);</li>
 *   <li>writes {@code news.articles.enriched}: key article id, value EnrichedArticle JSON with its story;</li>
 *   <li>writes {@code news.deadletter}: original key and value bytes, reason in {@code __streams.errors.*} headers.</li>
 * </ul>
 * Unless {@code enrich.commit.idle} is off (default 10 ms), each task paces its commits by its stream thread's load
 * ({@link IdleCommit}): at once when the thread goes idle, every {@code enrich.commit.interval} while it keeps up,
 * at Kafka Streams' interval ({@code enrich.commit.backlog.interval}) while it works through a backlog. Every node, internal topic and store has a name, so internal names stay stable across releases. See
 * docs/stories.md for why the story step runs on one partition.
 */
public final class EnrichTopology {

    static final String SOURCE = "read-raw-articles";
    static final String ENRICH = "enrich-article";
    static final String COPIES_STORE = "stories-copies-store";
    static final String STORIES_STORE = "stories-assign-store";

    private final Enricher enricher;
    private final StageMetrics metrics;
    private final TopicConfig topics;
    private final Duration storyQuietPeriod;
    private final Duration commitWhenIdle;
    private final Duration pacedInterval;
    private final Duration backlogAfter;

    /** A topology with the default story quiet period. */
    public EnrichTopology(Enricher enricher, TopicConfig topics) {
        this(enricher, topics, NewsstreamConfig.defaults().enrich().storyQuietPeriod());
    }

    /**
     * @param storyQuietPeriod a story takes no new article after this long without one
     *                         ({@code enrich.story.quiet.period}); also how long copies are looked for
     */
    public EnrichTopology(Enricher enricher, TopicConfig topics, Duration storyQuietPeriod) {
        this(enricher, topics, storyQuietPeriod, new StageMetrics());
    }

    /** As above, counting articles, dead letters, copies and timings into {@code metrics}. */
    public EnrichTopology(Enricher enricher, TopicConfig topics, Duration storyQuietPeriod, StageMetrics metrics) {
        this(enricher, topics, storyQuietPeriod, metrics, NewsstreamConfig.defaults().enrich());
    }

    /** As above, with the commit pacing of {@code enrich} ({@code enrich.commit.*}, see {@link IdleCommit}). */
    public EnrichTopology(Enricher enricher, TopicConfig topics, Duration storyQuietPeriod, StageMetrics metrics,
                          EnrichConfig enrich) {
        this(enricher, topics, storyQuietPeriod, metrics, enrich.commitWhenIdle(),
                enrich.pacesCommits() ? enrich.commitInterval() : Duration.ZERO, enrich.commitBacklogInterval());
    }

    /**
     * @param commitWhenIdle a stream thread that has processed nothing for this long commits at once
     *                       ({@code enrich.commit.idle}; zero: Kafka Streams' commit interval only)
     * @param pacedInterval  a busy thread that keeps up commits this often; zero: at Kafka Streams' interval
     * @param backlogAfter   a thread not idle for this long works through a backlog and commits at Kafka Streams' interval
     */
    private EnrichTopology(Enricher enricher, TopicConfig topics, Duration storyQuietPeriod, StageMetrics metrics,
                           Duration commitWhenIdle, Duration pacedInterval, Duration backlogAfter) {
        this.pacedInterval = Objects.requireNonNull(pacedInterval, "pacedInterval");
        this.backlogAfter = Objects.requireNonNull(backlogAfter, "backlogAfter");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.enricher = Objects.requireNonNull(enricher, "enricher");
        this.topics = Objects.requireNonNull(topics, "topics");
        this.storyQuietPeriod = Objects.requireNonNull(storyQuietPeriod, "storyQuietPeriod");
        this.commitWhenIdle = Objects.requireNonNull(commitWhenIdle, "commitWhenIdle");
    }

    public Topology build() {
        StreamsBuilder builder = new StreamsBuilder();
        // cached: posting lists and buckets are rewritten often, and the cache sends each key to the
        // changelog once per commit instead of once per write
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(COPIES_STORE),
                Serdes.String(), Serdes.ByteArray()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORIES_STORE),
                Serdes.String(), Serdes.ByteArray()).withCachingEnabled());
        String deadLetterTopic = topics.name(Topics.DEADLETTER);
        Produced<byte[], byte[]> toDeadLetter = Produced.with(Serdes.ByteArray(), Serdes.ByteArray());

        // 1. check on the raw partitions
        Map<String, KStream<byte[], EnrichOutcome>> checked = builder
                .stream(topics.name(Topics.RAW), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(SOURCE))
                .process(() -> new CheckRawProcessor(enricher, metrics, new IdleCommit(commitWhenIdle, pacedInterval, backlogAfter)), Named.as("check-raw"))
                .split(Named.as("checked-"))
                .branch((key, outcome) -> outcome instanceof EnrichOutcome.Accepted, Branched.as("accepted"))
                .defaultBranch(Branched.as("rejected"));
        checked.get("checked-rejected")
                .mapValues(o -> ((EnrichOutcome.Failed) o).originalValue(), Named.as("unwrap-rejected"))
                .to(deadLetterTopic, toDeadLetter.withName("write-deadletter-rejected"));

        // 2. copy signature and enrichment on the raw partitions, in the same sub-topology
        CopyHints hints = new CopyHints();
        Map<String, KStream<byte[], EnrichOutcome>> enriched = checked.get("checked-accepted")
                .mapValues(o -> ((EnrichOutcome.Accepted) o).value(), Named.as("unwrap-accepted"))
                .process(() -> new EnrichProcessor(enricher, hints, metrics), Named.as(ENRICH))
                .split(Named.as("outcome-"))
                .branch((key, outcome) -> outcome instanceof EnrichOutcome.ToStories, Branched.as("enriched"))
                .defaultBranch(Branched.as("failed"));
        enriched.get("outcome-failed")
                .mapValues(o -> ((EnrichOutcome.Failed) o).originalValue(), Named.as("unwrap-failed"))
                .to(deadLetterTopic, toDeadLetter.withName("write-deadletter"));

        // 3. copies and stories on one partition
        Map<String, KStream<byte[], EnrichOutcome>> assigned = enriched.get("outcome-enriched")
                .mapValues(o -> ((EnrichOutcome.ToStories) o).input(), Named.as("unwrap-enriched"))
                .repartition(Repartitioned.<byte[], StoryInput>as("stories")
                        .withKeySerde(Serdes.ByteArray()).withValueSerde(JsonSerde.of(StoryInput.class))
                        .withNumberOfPartitions(1))
                .process(() -> new StoryProcessor(enricher, hints, storyQuietPeriod, metrics, new IdleCommit(commitWhenIdle, pacedInterval, backlogAfter)),
                        Named.as("assign-stories"),
                        COPIES_STORE, STORIES_STORE)
                .split(Named.as("assigned-"))
                .branch((key, outcome) -> outcome instanceof EnrichOutcome.Enriched, Branched.as("enriched"))
                .defaultBranch(Branched.as("failed"));
        assigned.get("assigned-enriched")
                .mapValues(o -> ((EnrichOutcome.Enriched) o).article(), Named.as("unwrap-assigned"))
                .to(topics.name(Topics.ENRICHED),
                        Produced.with(Serdes.ByteArray(), Topics.ENRICHED.valueSerde()).withName("write-enriched"));
        assigned.get("assigned-failed")
                .mapValues(o -> ((EnrichOutcome.Failed) o).originalValue(), Named.as("unwrap-story-failed"))
                .to(deadLetterTopic, toDeadLetter.withName("write-deadletter-stories"));

        return builder.build();
    }
}
