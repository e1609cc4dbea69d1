package io.newsstream.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstream.common.model.EnrichedArticle;
import io.newsstream.common.model.RawArticle;
import io.newsstream.common.serde.JsonSerde;
import io.newsstream.enrich.Enricher;
import io.newsstream.enrich.stories.StoryFeatures;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The story step on its own, fed inputs in orders the whole topology rarely produces: a copy reaching it
 * after its original's enrichment has expired (later articles overtook the copy on other enrichment
 * partitions and moved the story watermark past the original's quiet period).
 */
class StoryProcessorTest {

    private static final Duration QUIET = Duration.ofDays(3);
    private static final Instant T0 = Instant.parse("2026-01-01T08:00:00Z");
    private static final JsonSerde<RawArticle> RAW = JsonSerde.of(RawArticle.class);
    private static final String HARBOUR = "Maria Lopez opened the new harbour bridge in Porto Vale on Monday after four "
            + "years of construction across the estuary.";
    private static final String ELECTION = "Voters in Nord Haven elected Peter Brown as mayor on Sunday with a clear majority.";

    private final AtomicInteger modelRuns = new AtomicInteger();
    private final Enricher enricher = FakeNlp.enricher(10_000, modelRuns);
    private MockProcessorContext<byte[], EnrichOutcome> context;
    private StoryProcessor processor;

    @BeforeEach
    void setUp() {
        context = new MockProcessorContext<>();
        KeyValueStore<String, byte[]> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(EnrichTopology.STORIES_STORE),
                Serdes.String(), Serdes.ByteArray()).withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        processor = new StoryProcessor(enricher, QUIET, new io.newsstream.common.metrics.StageMetrics());
        processor.init(context);
    }

    private static RawArticle raw(String id, Instant at, String text) {
        return RawArticle.of(id, null, "Title " + id, null, at, null, text);
    }

    private void original(RawArticle raw) {
        EnrichedArticle a = enricher.enrich(raw);
        process(StoryInput.enriched(a, StoryFeatures.contentTerms(a.title(), raw.text())), raw.ingestedAt());
    }

    private void process(StoryInput in, Instant at) {
        processor.process(new Record<>(in.id().getBytes(StandardCharsets.UTF_8), in, at.toEpochMilli()));
    }

    private List<EnrichOutcome> forwarded() {
        return context.forwarded().stream().<EnrichOutcome>map(f -> f.record().value()).toList();
    }

    @Test
    void shouldCopyTheOriginalsEnrichmentWhileItIsHeld() {
        original(raw("x", T0, HARBOUR));
        RawArticle copy = raw("x-copy", T0.plusSeconds(60), HARBOUR + " Reprint.");
        int runs = modelRuns.get();

        process(StoryInput.copy(copy, RAW.toBytes(copy), "x", 0.9), copy.ingestedAt());

        EnrichedArticle out = ((EnrichOutcome.Enriched) forwarded().get(1)).article();
        assertThat(out.id()).isEqualTo("x-copy");
        assertThat(out.story().duplicateOf()).isEqualTo("x");
        assertThat(modelRuns.get()).isEqualTo(runs);
    }

    @Test
    void shouldEnrichACopyOnItsOwnWhenItsOriginalsEnrichmentHasExpired() {
        original(raw("x", T0, HARBOUR));
        // a later article moves the watermark past x's quiet period before x's copy arrives
        original(raw("later", T0.plus(QUIET).plus(Duration.ofHours(1)), ELECTION));
        RawArticle copy = raw("x-copy", T0.plus(QUIET).minusSeconds(60), HARBOUR + " Reprint.");
        int runs = modelRuns.get();

        process(StoryInput.copy(copy, RAW.toBytes(copy), "x", 0.9), copy.ingestedAt());

        assertThat(forwarded()).hasSize(3);
        EnrichedArticle out = ((EnrichOutcome.Enriched) forwarded().get(2)).article();
        assertThat(out.id()).isEqualTo("x-copy");
        assertThat(out.story().duplicateOf()).isNull();
        assertThat(out.entities()).extracting(e -> e.name()).contains("Maria Lopez");
        assertThat(modelRuns.get()).isEqualTo(runs + 1);
    }

    @Test
    void shouldDeadLetterACopyWithTheReasonWhenItsOwnEnrichmentFails() {
        original(raw("x", T0, HARBOUR));
        original(raw("later", T0.plus(QUIET).plus(Duration.ofHours(1)), ELECTION));
        RawArticle copy = raw("x-copy", T0.plus(QUIET).minusSeconds(60), HARBOUR + " BOOM.");

        process(StoryInput.copy(copy, RAW.toBytes(copy), "x", 0.9), copy.ingestedAt());

        var last = context.forwarded().get(2).record();
        assertThat(last.value()).isInstanceOf(EnrichOutcome.Failed.class);
        assertThat(RAW.fromBytes(((EnrichOutcome.Failed) last.value()).originalValue()).id()).isEqualTo("x-copy");
        assertThat(new String(last.headers().lastHeader("__streams.errors.message").value(), StandardCharsets.UTF_8))
                .isEqualTo("enrichment failed: java.lang.IllegalStateException: model exploded");
    }
}
