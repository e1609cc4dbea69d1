package io.newsstream.enrich.topology;

import io.newsstream.common.metrics.StageMetrics;
import io.newsstream.common.model.EnrichedArticle;
import io.newsstream.common.model.RawArticle;
import io.newsstream.common.model.StoryRef;
import io.newsstream.common.serde.JsonSerde;
import io.newsstream.enrich.Enricher;
import io.newsstream.enrich.RejectedArticleException;
import io.newsstream.enrich.stories.ArticleFeatures;
import io.newsstream.enrich.stories.DuplicateCopier;
import io.newsstream.enrich.stories.ExpiringStore;
import io.newsstream.enrich.stories.StoreStoryIndex;
import io.newsstream.enrich.stories.StoryAssigner;
import io.newsstream.enrich.stories.StoryFeatures;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last step, on a single partition so that every article meets the same story state in one order:
 * assigns stories and writes each article out. A copy gets its original's enrichment and story. A copy
 * travels through the enrichment partition of its original, after it, so the original's outcome always
 * reaches this step first; the store keeps {@code e/<id>} (an original's enriched record, to copy from)
 * and {@code f/<id>} (why an original failed) for the quiet period. A copy whose original's outcome is no
 * longer held (it expired: the copy came near the end of the quiet period, behind later articles) is
 * enriched here on its own, so it is never held back or dropped.
 *
 * <p>An article's time is its {@code ingestedAt}, or, when the record has none, the raw record's
 * timestamp: the same rule as the copy finder's, so both steps keep an original equally long.
 */
final class StoryProcessor implements Processor<byte[], StoryInput, byte[], EnrichOutcome> {

    private static final Logger LOG = LoggerFactory.getLogger(StoryProcessor.class);

    private final Enricher enricher;
    private final Duration quietPeriod;
    private final JsonSerde<EnrichedArticle> articleSerde = JsonSerde.of(EnrichedArticle.class);
    private ProcessorContext<byte[], EnrichOutcome> context;
    private ExpiringStore store;
    private StoryAssigner assigner;
    private long timestamp;

    private final StageMetrics metrics;

    StoryProcessor(Enricher enricher, Duration quietPeriod, StageMetrics metrics) {
        this.enricher = enricher;
        this.metrics = metrics;
        this.quietPeriod = quietPeriod;
    }

    @Override
    public void init(ProcessorContext<byte[], EnrichOutcome> context) {
        this.context = context;
        KeyValueStore<String, byte[]> kv = context.getStateStore(EnrichTopology.STORIES_STORE);
        this.store = new ExpiringStore(kv);
        this.assigner = new StoryAssigner(new StoreStoryIndex(store), quietPeriod);
    }

    @Override
    public void process(Record<byte[], StoryInput> record) {
        timestamp = record.timestamp();
        StoryInput in = record.value();
        switch (in.kind()) {
            case StoryInput.ENRICHED -> original(in.article(), in.content(), record.headers());
            case StoryInput.COPY -> copy(in, record.headers());
            case StoryInput.FAILED -> failed(in);
            default -> throw new IllegalStateException("unknown story input kind " + in.kind());
        }
    }

    private void original(EnrichedArticle article, int[] content, Headers headers) {
        long seenAt = ArticleTimes.seenAt(article.ingestedAt(), timestamp);
        long t0 = System.nanoTime();
        StoryRef story = assigner.assign(StoryFeatures.of(article, content, seenAt));
        metrics.storyAssignmentTime(System.nanoTime() - t0);
        store.put("e/" + article.id(), articleSerde.toBytes(article), seenAt + quietPeriod.toMillis());
        emit(article.withStory(story), headers);
    }

    private void copy(StoryInput in, Headers headers) {
        byte[] original = store.get("e/" + in.duplicateOf());
        if (original != null) {
            emitCopy(articleSerde.fromBytes(original), in, headers);
            return;
        }
        byte[] failure = store.get("f/" + in.duplicateOf());
        if (failure != null) {
            deadLetter(in, headers, RejectedArticleException.class.getName(), "near-verbatim copy of " + in.duplicateOf()
                    + ", whose enrichment failed: " + new String(failure, StandardCharsets.UTF_8));
            return;
        }
        // the original's outcome came before this copy (same enrichment partition, in order) and has expired
        LOG.debug("the enrichment of {} has expired; enriching its copy {} on its own", in.duplicateOf(), in.id());
        RawArticle raw = in.copy();
        EnrichedArticle article;
        try {
            article = enricher.enrich(raw);
        } catch (RuntimeException | StackOverflowError e) {
            if (!EnrichProcessor.isRejection(e)) {
                LOG.warn("enrichment failed for copy {}: {}", in.id(), e.toString());
            }
            deadLetter(in, headers, e.getClass().getName(), EnrichProcessor.reason(e));
            return;
        }
        original(article, StoryFeatures.contentTerms(raw.title(), raw.text()), headers);
    }

    private void failed(StoryInput in) {
        store.put("f/" + in.id(), in.failure().getBytes(StandardCharsets.UTF_8),
                Math.max(timestamp, assigner.index().watermark()) + quietPeriod.toMillis());
    }

    private void emitCopy(EnrichedArticle original, StoryInput in, Headers headers) {
        ArticleFeatures features = new ArticleFeatures(in.id(), null,
                ArticleTimes.seenAt(in.copy().ingestedAt(), timestamp), null,
                StoryFeatures.entityWeights(original.entities()), new int[0]);
        long t0 = System.nanoTime();
        StoryRef story = assigner.assignCopy(features, in.duplicateOf(), in.similarity());
        metrics.storyAssignmentTime(System.nanoTime() - t0);
        metrics.copyFound();
        emit(DuplicateCopier.copy(original, in.copy(), story, original.text() != null), headers);
    }

    private void emit(EnrichedArticle article, Headers headers) {
        metrics.articleOut(DeadLetters.STAGE);
        context.forward(new Record<byte[], EnrichOutcome>(article.id().getBytes(StandardCharsets.UTF_8),
                new EnrichOutcome.Enriched(article), timestamp, DeadLetters.withoutInternal(headers)));
    }

    private void deadLetter(StoryInput copy, Headers headers, String exception, String reason) {
        metrics.deadLetter(DeadLetters.STAGE, exception);
        context.forward(new Record<byte[], EnrichOutcome>(copy.id().getBytes(StandardCharsets.UTF_8),
                new EnrichOutcome.Failed(copy.originalValue()), timestamp,
                DeadLetters.headers(headers, null, exception, reason)));
    }
}
