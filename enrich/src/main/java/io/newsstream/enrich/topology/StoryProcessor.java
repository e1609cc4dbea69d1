package io.newsstream.enrich.topology;

import io.newsstream.common.metrics.StageMetrics;
import io.newsstream.common.model.EnrichedArticle;
import io.newsstream.common.model.RawArticle;
import io.newsstream.common.model.StoryRef;
import io.newsstream.common.serde.JsonSerde;
import io.newsstream.enrich.Enricher;
import io.newsstream.enrich.RejectedArticleException;
import io.newsstream.enrich.stories.ArticleFeatures;
import io.newsstream.enrich.stories.CopyHints;
import io.newsstream.enrich.stories.DuplicateCopier;
import io.newsstream.enrich.stories.ExpiringStore;
import io.newsstream.enrich.stories.NearDuplicateDetector;
import io.newsstream.enrich.stories.StoreDuplicateIndex;
import io.newsstream.enrich.stories.StoreStoryIndex;
import io.newsstream.enrich.stories.StoryAssigner;
import io.newsstream.enrich.stories.StoryFeatures;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The second sub-topology, on a single partition so that every article meets the same copy and story
 * state in one order: decides which articles are near-verbatim copies (MinHash/LSH over the signatures
 * the enrichment step computed, store {@value EnrichTopology#COPIES_STORE}), assigns stories (store
 * {@value EnrichTopology#STORIES_STORE}) and writes each article out, or to the dead-letter topic.
 *
 * <p>A copy of an original whose enriched record is still held ({@code e/<id>}, for the quiet period) gets
 * that enrichment and its story, whatever the enrichment step did: so output never depends on whether the
 * {@link CopyHints} let the enrichment step skip the models. A copy of an original whose enrichment failed
 * ({@code f/<id>}) goes to the dead-letter topic with that reason. When the original's outcome is no longer
 * held, the article stands on its own: its own enrichment, or, if the models were skipped, an enrichment
 * made here. Each original met is added to the hints.
 *
 * <p>An article's time is its {@code ingestedAt}, or, when the record has none, the raw record's
 * timestamp ({@link ArticleTimes}).
 */
final class StoryProcessor implements Processor<byte[], StoryInput, byte[], EnrichOutcome> {

    private static final Logger LOG = LoggerFactory.getLogger(StoryProcessor.class);

    private final Enricher enricher;
    private final CopyHints hints;
    private final Duration quietPeriod;
    private final StageMetrics metrics;
    private final JsonSerde<EnrichedArticle> articleSerde = JsonSerde.of(EnrichedArticle.class);
    private final JsonSerde<RawArticle> rawSerde = JsonSerde.of(RawArticle.class);
    private ProcessorContext<byte[], EnrichOutcome> context;
    private ExpiringStore store;
    private NearDuplicateDetector detector;
    private StoryAssigner assigner;
    private final IdleCommit idleCommit;
    private long timestamp;

    StoryProcessor(Enricher enricher, CopyHints hints, Duration quietPeriod, StageMetrics metrics, IdleCommit idleCommit) {
        this.enricher = enricher;
        this.hints = hints;
        this.metrics = metrics;
        this.quietPeriod = quietPeriod;
        this.idleCommit = idleCommit;
    }

    @Override
    public void init(ProcessorContext<byte[], EnrichOutcome> context) {
        this.context = context;
        KeyValueStore<String, byte[]> copies = context.getStateStore(EnrichTopology.COPIES_STORE);
        this.detector = new NearDuplicateDetector(new StoreDuplicateIndex(new ExpiringStore(copies)), quietPeriod);
        KeyValueStore<String, byte[]> kv = context.getStateStore(EnrichTopology.STORIES_STORE);
        this.store = new ExpiringStore(kv);
        this.assigner = new StoryAssigner(new StoreStoryIndex(store), quietPeriod);
        idleCommit.init(context);
    }

    @Override
    public void process(Record<byte[], StoryInput> record) {
        try {
            assign(record);
        } finally {
            idleCommit.worked();
        }
    }

    private void assign(Record<byte[], StoryInput> record) {
        timestamp = record.timestamp();
        StoryInput in = record.value();
        // an enriched original (the common case) carries its times; the raw value is parsed only when needed
        RawArticle raw = in.article() == null ? rawSerde.fromBytes(in.originalValue()) : null;
        long seenAt = ArticleTimes.seenAt(raw == null ? in.article().ingestedAt() : raw.ingestedAt(), timestamp);
        NearDuplicateDetector.Verdict verdict = detector.check(in.id(), in.content(), Instant.ofEpochMilli(seenAt));
        if (verdict.isDuplicate()) {
            byte[] original = store.get("e/" + verdict.duplicateOf());
            if (original != null) {
                emitCopy(articleSerde.fromBytes(original), raw == null ? rawSerde.fromBytes(in.originalValue()) : raw,
                        seenAt, verdict, record.headers());
                return;
            }
            byte[] failure = store.get("f/" + verdict.duplicateOf());
            if (failure != null) {
                deadLetter(in, record.headers(), RejectedArticleException.class.getName(), "near-verbatim copy of "
                        + verdict.duplicateOf() + ", whose enrichment failed: " + new String(failure, StandardCharsets.UTF_8));
                return;
            }
            // the original's outcome has expired (this copy came late, behind later articles): on its own
            LOG.debug("the enrichment of {} has expired; {} stands on its own", verdict.duplicateOf(), in.id());
        } else {
            hints.remember(in.id(), in.content(), seenAt, seenAt + quietPeriod.toMillis());
        }
        switch (in.kind()) {
            case StoryInput.ENRICHED -> original(in.article(), in.terms(), in.spellings(), in.yearNamed(), seenAt, record.headers());
            case StoryInput.COPY -> enrichHere(raw, in, seenAt, record.headers());
            case StoryInput.FAILED -> failed(in, record.headers());
            default -> throw new IllegalStateException("unknown story input kind " + in.kind());
        }
    }

    private void original(EnrichedArticle article, int[] terms, int[] spellings, int yearNamed, long seenAt, Headers headers) {
        long t0 = System.nanoTime();
        StoryRef story = assigner.assign(StoryFeatures.of(article, terms, spellings, yearNamed, seenAt));
        metrics.storyAssignmentTime(System.nanoTime() - t0);
        store.put("e/" + article.id(), articleSerde.toBytes(article), seenAt + quietPeriod.toMillis());
        emit(article.withStory(story), headers);
    }

    /** A likely copy whose models were skipped, but which is not one here: enriched now, on this step. */
    private void enrichHere(RawArticle raw, StoryInput in, long seenAt, Headers headers) {
        EnrichedArticle article;
        try {
            article = enricher.enrich(raw);
        } catch (RuntimeException | StackOverflowError e) {
            if (!EnrichProcessor.isRejection(e)) {
                LOG.warn("enrichment failed for {}: {}", in.id(), e.toString());
            }
            failed(StoryInput.failed(in.id(), in.originalValue(), in.content(), e.getClass().getName(),
                    EnrichProcessor.reason(e)), headers);
            return;
        }
        original(article, StoryFeatures.contentTerms(raw.title(), raw.text()), StoryFeatures.spellings(raw.title(), raw.text()),
                StoryFeatures.yearNamed(raw.title(), raw.text(), seenAt), seenAt, headers);
    }

    private void failed(StoryInput in, Headers headers) {
        store.put("f/" + in.id(), in.failure().getBytes(StandardCharsets.UTF_8),
                Math.max(timestamp, assigner.index().watermark()) + quietPeriod.toMillis());
        deadLetter(in, headers, in.exception(), in.failure());
    }

    private void emitCopy(EnrichedArticle original, RawArticle copy, long seenAt, NearDuplicateDetector.Verdict verdict,
                          Headers headers) {
        ArticleFeatures features = new ArticleFeatures(copy.id(), null, seenAt, null,
                StoryFeatures.entityWeights(original.entities()), new int[0]);
        long t0 = System.nanoTime();
        StoryRef story = assigner.assignCopy(features, verdict.duplicateOf(), verdict.similarity());
        metrics.storyAssignmentTime(System.nanoTime() - t0);
        metrics.copyFound();
        emit(DuplicateCopier.copy(original, copy, story, original.text() != null), headers);
    }

    private void emit(EnrichedArticle article, Headers headers) {
        metrics.articleOut(DeadLetters.STAGE);
        context.forward(new Record<byte[], EnrichOutcome>(article.id().getBytes(StandardCharsets.UTF_8),
                new EnrichOutcome.Enriched(article), timestamp, DeadLetters.withoutInternal(headers)));
    }

    private void deadLetter(StoryInput in, Headers headers, String exception, String reason) {
        metrics.deadLetter(DeadLetters.STAGE, exception);
        context.forward(new Record<byte[], EnrichOutcome>(in.id().getBytes(StandardCharsets.UTF_8),
                new EnrichOutcome.Failed(in.originalValue()), timestamp,
                DeadLetters.headers(headers, null, exception, reason)));
    }
}
