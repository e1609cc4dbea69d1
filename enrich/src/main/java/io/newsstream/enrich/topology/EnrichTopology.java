package io.newsstream.enrich.topology;

import io.newsstream.common.metrics.StageMetrics;
import io.newsstream.common.config.NewsstreamConfig;
import io.newsstream.common.config.TopicConfig;
import io.newsstream.common.serde.JsonSerde;
import io.newsstream.common.topics.Topics;
import io.newsstream.enrich.Enricher;
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
 * The enrich topology, in four sub-topologies joined by internal topics:
 * <ol>
 *   <li>{@code check-raw} on the raw topic's partitions: parse and check, no models;</li>
 *   <li>{@code find-copies} on one partition ({@code stories-copies-repartition}): marks near-verbatim
 *       copies (MinHash/LSH, store {@value #COPIES_STORE});</li>
 *   <li>{@code enrich-article} on as many partitions as the raw topic ({@code stories-enrich-repartition}):
 *       runs the models on originals only;</li>
 *   <li>{@code assign-stories} on one partition ({@code stories-assign-repartition}): story assignment and
 *       copying of enrichments to copies (store {@value #STORIES_STORE}).</li>
 * </ol>
 * Topics:
 * <ul>
 *   <li>reads {@code news.articles.raw}: key article id (bytes, may be null), value RawArticle JSON (bytes,
 *       parsed here so that unparseable records can be dead-lettered with their original bytes);</li>
 *   <li>writes {@code news.articles.enriched}: key article id, value EnrichedArticle JSON with its story;</li>
 *   <li>writes {@code news.deadletter}: original key and value bytes, reason in {@code __streams.errors.*} headers.</li>
 * </ul>
 * Every node, internal topic and store has a name, so internal names stay stable across releases. See
 * docs/stories.md for why the two story steps run on one partition.
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
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.enricher = Objects.requireNonNull(enricher, "enricher");
        this.topics = Objects.requireNonNull(topics, "topics");
        this.storyQuietPeriod = Objects.requireNonNull(storyQuietPeriod, "storyQuietPeriod");
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
                .process(() -> new CheckRawProcessor(enricher, metrics), Named.as("check-raw"))
                .split(Named.as("checked-"))
                .branch((key, outcome) -> outcome instanceof EnrichOutcome.Accepted, Branched.as("accepted"))
                .defaultBranch(Branched.as("rejected"));
        checked.get("checked-rejected")
                .mapValues(o -> ((EnrichOutcome.Failed) o).originalValue(), Named.as("unwrap-rejected"))
                .to(deadLetterTopic, toDeadLetter.withName("write-deadletter-rejected"));

        // 2. find copies on one partition; 3. enrich originals on N partitions
        Map<String, KStream<byte[], EnrichOutcome>> enriched = checked.get("checked-accepted")
                .mapValues(o -> ((EnrichOutcome.Accepted) o).value(), Named.as("unwrap-accepted"))
                .repartition(Repartitioned.<byte[], byte[]>as("stories-copies")
                        .withKeySerde(Serdes.ByteArray()).withValueSerde(Serdes.ByteArray()).withNumberOfPartitions(1))
                .process(() -> new CopyFinderProcessor(storyQuietPeriod), Named.as("find-copies"), COPIES_STORE)
                .repartition(Repartitioned.<byte[], byte[]>as("stories-enrich")
                        .withKeySerde(Serdes.ByteArray()).withValueSerde(Serdes.ByteArray())
                        .withNumberOfPartitions(topics.partitions(Topics.RAW)))
                .process(() -> new EnrichProcessor(enricher, metrics), Named.as(ENRICH))
                .split(Named.as("outcome-"))
                .branch((key, outcome) -> outcome instanceof EnrichOutcome.ToStories, Branched.as("enriched"))
                .defaultBranch(Branched.as("failed"));
        enriched.get("outcome-failed")
                .mapValues(o -> ((EnrichOutcome.Failed) o).originalValue(), Named.as("unwrap-failed"))
                .to(deadLetterTopic, toDeadLetter.withName("write-deadletter"));

        // 4. assign stories on one partition
        Map<String, KStream<byte[], EnrichOutcome>> assigned = enriched.get("outcome-enriched")
                .mapValues(o -> ((EnrichOutcome.ToStories) o).input(), Named.as("unwrap-enriched"))
                .repartition(Repartitioned.<byte[], StoryInput>as("stories-assign")
                        .withKeySerde(Serdes.ByteArray()).withValueSerde(JsonSerde.of(StoryInput.class))
                        .withNumberOfPartitions(1))
                .process(() -> new StoryProcessor(enricher, storyQuietPeriod, metrics), Named.as("assign-stories"), STORIES_STORE)
                .split(Named.as("assigned-"))
                .branch((key, outcome) -> outcome instanceof EnrichOutcome.Enriched, Branched.as("enriched"))
                .defaultBranch(Branched.as("failed"));
        assigned.get("assigned-enriched")
                .mapValues(o -> ((EnrichOutcome.Enriched) o).article(), Named.as("unwrap-assigned"))
                .to(topics.name(Topics.ENRICHED),
                        Produced.with(Serdes.ByteArray(), Topics.ENRICHED.valueSerde()).withName("write-enriched"));
        assigned.get("assigned-failed")
                .mapValues(o -> ((EnrichOutcome.Failed) o).originalValue(), Named.as("unwrap-copy-failed"))
                .to(deadLetterTopic, toDeadLetter.withName("write-deadletter-copies"));

        return builder.build();
    }
}
