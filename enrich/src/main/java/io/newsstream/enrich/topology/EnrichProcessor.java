package io.newsstream.enrich.topology;

import io.newsstream.common.metrics.StageMetrics;
import io.newsstream.common.model.RawArticle;
import io.newsstream.common.serde.JsonSerde;
import io.newsstream.enrich.Enricher;
import io.newsstream.enrich.RejectedArticleException;
import io.newsstream.enrich.stories.CopyHints;
import io.newsstream.enrich.stories.NearDuplicateDetector;
import io.newsstream.enrich.stories.StoryFeatures;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First step's second half, in parallel on the raw topic's partitions: computes each article's copy
 * signature and enriches it, unless the {@link CopyHints} say it is likely a near-verbatim copy of a recent
 * original, whose enrichment the story step will give it. A record that cannot be enriched goes on as a
 * {@code failed} story input with the reason, so that the story step, which decides what is a copy, writes
 * it to the dead-letter topic (or gives it its original's enrichment); processing goes on with the next
 * record. Nothing here keeps state.
 */
final class EnrichProcessor implements Processor<byte[], byte[], byte[], EnrichOutcome> {

    static final String STAGE = DeadLetters.STAGE;
    private static final Logger LOG = LoggerFactory.getLogger(EnrichProcessor.class);

    private final Enricher enricher;
    private final CopyHints hints;
    private final StageMetrics metrics;
    private final JsonSerde<RawArticle> rawSerde = JsonSerde.of(RawArticle.class);
    private ProcessorContext<byte[], EnrichOutcome> context;

    EnrichProcessor(Enricher enricher, CopyHints hints, StageMetrics metrics) {
        this.enricher = enricher;
        this.hints = hints;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<byte[], EnrichOutcome> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        RawArticle raw;
        try {
            // checked by check-raw, so it parses
            raw = rawSerde.fromBytes(record.value());
        } catch (SerializationException e) {
            metrics.deadLetter(STAGE, e.getClass().getName());
            context.forward(new Record<byte[], EnrichOutcome>(record.key(), new EnrichOutcome.Failed(record.value()),
                    record.timestamp(), DeadLetters.headers(record.headers(), context, e.getClass().getName(), reason(e))));
            return;
        }
        NearDuplicateDetector.Content content = NearDuplicateDetector.content(raw.text());
        StoryInput input;
        long seenAt = ArticleTimes.seenAt(raw.ingestedAt(), record.timestamp());
        if (hints.copyOf(raw.id(), content, seenAt) != null) {
            input = StoryInput.copy(raw.id(), record.value(), content);
        } else {
            try {
                long t0 = System.nanoTime();
                input = StoryInput.enriched(record.value(), content, enricher.enrich(raw),
                        StoryFeatures.contentTerms(raw.title(), raw.text()), StoryFeatures.spellings(raw.title(), raw.text()),
                        StoryFeatures.yearNamed(raw.title(), raw.text(), seenAt));
                metrics.enrichmentTime(System.nanoTime() - t0);
            } catch (RuntimeException | StackOverflowError e) {
                // A model failure on one article must not stop the stream: the story step writes the
                // record to the dead-letter topic with the reason, and the next record is processed.
                if (!isRejection(e)) {
                    LOG.warn("enrichment failed for a record at {}: {}", where(), e.toString());
                }
                input = StoryInput.failed(raw.id(), record.value(), content, e.getClass().getName(), reason(e));
            }
        }
        context.forward(record.withKey(raw.id().getBytes(StandardCharsets.UTF_8)).withValue(new EnrichOutcome.ToStories(input)));
    }

    /** Whether {@code e} refuses the input (an expected outcome, logged by nobody) rather than a model failure. */
    static boolean isRejection(Throwable e) {
        return e instanceof RejectedArticleException || e instanceof SerializationException;
    }

    /** The dead-letter reason for {@code e}: a rejection's own message, or "enrichment failed: ..." for a model failure. */
    static String reason(Throwable e) {
        return isRejection(e) ? e.getMessage() : "enrichment failed: " + e;
    }

    private String where() {
        return context.recordMetadata().map(EnrichProcessor::describe).orElse("unknown position");
    }

    private static String describe(RecordMetadata m) {
        return m.topic() + "-" + m.partition() + "@" + m.offset();
    }
}
