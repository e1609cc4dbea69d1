package io.newsstream.enrich.topology;

import io.newsstream.common.config.TopicConfig;
import io.newsstream.common.topics.Topics;
import io.newsstream.enrich.Enricher;
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

/**
 * The enrich topology.
 * <ul>
 *   <li>reads {@code news.articles.raw}: key article id (bytes, may be null), value RawArticle JSON (bytes,
 *       parsed here so that unparseable records can be dead-lettered with their original bytes);</li>
 *   <li>writes {@code news.articles.enriched}: key article id (String), value EnrichedArticle JSON;</li>
 *   <li>writes {@code news.deadletter}: original key and value bytes, reason in {@code __streams.errors.*} headers.</li>
 * </ul>
 * Every node has a name, so internal names stay stable across releases.
 */
public final class EnrichTopology {

    static final String SOURCE = "read-raw-articles";
    static final String ENRICH = "enrich-article";
    static final String BRANCH = "outcome-";
    static final String ENRICHED_BRANCH = "enriched";
    static final String FAILED_BRANCH = "failed";

    private final Enricher enricher;
    private final TopicConfig topics;

    public EnrichTopology(Enricher enricher, TopicConfig topics) {
        this.enricher = Objects.requireNonNull(enricher, "enricher");
        this.topics = Objects.requireNonNull(topics, "topics");
    }

    public Topology build() {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<byte[], EnrichOutcome> outcomes = builder
                .stream(topics.name(Topics.RAW), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(SOURCE))
                .process(() -> new EnrichProcessor(enricher), Named.as(ENRICH));

        Map<String, KStream<byte[], EnrichOutcome>> branches = outcomes
                .split(Named.as(BRANCH))
                .branch((key, outcome) -> outcome instanceof EnrichOutcome.Enriched, Branched.as(ENRICHED_BRANCH))
                .defaultBranch(Branched.as(FAILED_BRANCH));

        branches.get(BRANCH + ENRICHED_BRANCH)
                .mapValues(o -> ((EnrichOutcome.Enriched) o).article(), Named.as("unwrap-enriched"))
                .to(topics.name(Topics.ENRICHED),
                        Produced.with(Serdes.ByteArray(), Topics.ENRICHED.valueSerde()).withName("write-enriched"));

        branches.get(BRANCH + FAILED_BRANCH)
                .mapValues(o -> ((EnrichOutcome.Failed) o).originalValue(), Named.as("unwrap-failed"))
                .to(topics.name(Topics.DEADLETTER),
                        Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("write-deadletter"));

        return builder.build();
    }
}
