package io.newsstream.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstream.common.model.EnrichedArticle;
import io.newsstream.common.model.RawArticle;
import io.newsstream.common.serde.JsonSerde;
import io.newsstream.enrich.Enricher;
import io.newsstream.enrich.stories.CopyHints;
import io.newsstream.enrich.stories.NearDuplicateDetector;
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
 * The story step on its own, fed inputs the whole topology rarely produces: a copy reaching it after its
 * original's enrichment has expired (later articles moved the story watermark past the original's quiet
 * period), copies whose hint was missed or wrong, and a copy whose own enrichment failed.
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
    private final CopyHints hints = new CopyHints();
    private MockProcessorContext<byte[], EnrichOutcome> context;
    private StoryProcessor processor;

    @BeforeEach
    void setUp() {
        context = new MockProcessorContext<>();
        for (String name : List.of(EnrichTopology.COPIES_STORE, EnrichTopology.STORIES_STORE)) {
            KeyValueStore<String, byte[]> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name),
                    Serdes.String(), Serdes.ByteArray()).withLoggingDisabled().build();
            store.init(context.getStateStoreContext(), store);
            context.addStateStore(store);
        }
        processor = new StoryProcessor(enricher, hints, QUIET, new io.newsstream.common.metrics.StageMetrics(),
                new IdleCommit(Duration.ZERO));
        processor.init(context);
    }

    private static RawArticle raw(String id, Instant at, String text) {
        return RawArticle.of(id, null, "Title " + id, null, at, null, text);
    }

    private void original(RawArticle raw) {
        process(enriched(raw), raw.ingestedAt());
    }

    private StoryInput enriched(RawArticle raw) {
        return StoryInput.enriched(RAW.toBytes(raw), NearDuplicateDetector.content(raw.text()), enricher.enrich(raw),
                StoryFeatures.contentTerms(raw.title(), raw.text()), StoryFeatures.spellings(raw.title(), raw.text()),
                StoryFeatures.yearNamed(raw.title(), raw.text(), raw.ingestedAt().toEpochMilli()));
    }

    /** What the enrichment step sends when the hints say {@code raw} is a copy: its models skipped. */
    private static StoryInput likelyCopy(RawArticle raw) {
        return StoryInput.copy(raw.id(), RAW.toBytes(raw), NearDuplicateDetector.content(raw.text()));
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

        process(likelyCopy(copy), copy.ingestedAt());

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

        process(likelyCopy(copy), copy.ingestedAt());

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

        process(likelyCopy(copy), copy.ingestedAt());

        var last = context.forwarded().get(2).record();
        assertThat(last.value()).isInstanceOf(EnrichOutcome.Failed.class);
        assertThat(RAW.fromBytes(((EnrichOutcome.Failed) last.value()).originalValue()).id()).isEqualTo("x-copy");
        assertThat(new String(last.headers().lastHeader("__streams.errors.message").value(), StandardCharsets.UTF_8))
                .isEqualTo("enrichment failed: java.lang.IllegalStateException: model exploded");
    }

    @Test
    void shouldGiveACopyItsOriginalsEnrichmentEvenWhenItWasEnrichedItself() {
        // the hint was missed (the copy overtook the hint, or another process enriched it): same output
        original(raw("x", T0, HARBOUR));
        RawArticle copy = raw("x-copy", T0.plusSeconds(60), HARBOUR + " Reprint.");

        process(enriched(copy), copy.ingestedAt());

        EnrichedArticle original = ((EnrichOutcome.Enriched) forwarded().get(0)).article();
        EnrichedArticle out = ((EnrichOutcome.Enriched) forwarded().get(1)).article();
        assertThat(out.story().duplicateOf()).isEqualTo("x");
        assertThat(out.story().id()).isEqualTo(original.story().id());
        assertThat(out.enrichedAt()).isEqualTo(original.enrichedAt());
    }

    @Test
    void shouldGiveACopyWhoseOwnEnrichmentFailedItsOriginalsEnrichment() {
        original(raw("x", T0, HARBOUR));
        RawArticle copy = raw("x-copy", T0.plusSeconds(60), HARBOUR + " Reprint.");

        process(StoryInput.failed(copy.id(), RAW.toBytes(copy), NearDuplicateDetector.content(copy.text()),
                IllegalStateException.class.getName(), "enrichment failed: boom"), copy.ingestedAt());

        assertThat(forwarded()).hasSize(2);
        assertThat(((EnrichOutcome.Enriched) forwarded().get(1)).article().story().duplicateOf()).isEqualTo("x");
    }

    @Test
    void shouldEnrichALikelyCopyHereWhenItIsNoCopyOfAnythingHeld() {
        original(raw("x", T0, ELECTION));
        RawArticle notCopy = raw("y", T0.plusSeconds(60), HARBOUR);
        int runs = modelRuns.get();

        process(likelyCopy(notCopy), notCopy.ingestedAt());

        EnrichedArticle out = ((EnrichOutcome.Enriched) forwarded().get(1)).article();
        assertThat(out.story().duplicateOf()).isNull();
        assertThat(out.entities()).extracting(e -> e.name()).contains("Maria Lopez");
        assertThat(modelRuns.get()).isEqualTo(runs + 1);
    }

    @Test
    void shouldHintEachOriginalItMeetsButNoCopy() {
        original(raw("x", T0, HARBOUR));
        RawArticle copy = raw("x-copy", T0.plusSeconds(60), HARBOUR + " Reprint.");
        process(likelyCopy(copy), copy.ingestedAt());

        assertThat(hints.size()).isEqualTo(1);
        assertThat(hints.copyOf("x-copy", NearDuplicateDetector.content(copy.text()), T0.plusSeconds(60).toEpochMilli()))
                .isEqualTo("x");
    }
}
