package io.newsstream.enrich.topology;

import io.newsstream.common.metrics.StageMetrics;
import io.newsstream.common.model.RawArticle;
import io.newsstream.common.serde.JsonSerde;
import io.newsstream.enrich.Enricher;
import io.newsstream.enrich.RejectedArticleException;
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
 * Third step, in parallel on N partitions: enriches each original and computes its content signature; a
 * near-verbatim copy passes through without running any model. A record that cannot be enriched is
 * forwarded as {@link EnrichOutcome.Failed} with its original value and the reason in
 * {@code __streams.errors.*} headers, and the story step is told (so its copies, which come after it,
 * go to the dead-letter topic with the same reason); processing goes on with the next record.
 */
final class EnrichProcessor implements Processor<byte[], byte[], byte[], EnrichOutcome> {

    static final String STAGE = DeadLetters.STAGE;
    private static final Logger LOG = LoggerFactory.getLogger(EnrichProcessor.class);

    private final Enricher enricher;
    private final JsonSerde<RawArticle> rawSerde = JsonSerde.of(RawArticle.class);
    private ProcessorContext<byte[], EnrichOutcome> context;

    private final StageMetrics metrics;

    EnrichProcessor(Enricher enricher, StageMetrics metrics) {
        this.enricher = enricher;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<byte[], EnrichOutcome> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        RawArticle raw = null;
        try {
            raw = rawSerde.fromBytes(record.value());
            byte[] key = raw.id().getBytes(StandardCharsets.UTF_8);
            String copyOf = DeadLetters.get(record.headers(), DeadLetters.COPY_OF);
            StoryInput input;
            if (copyOf != null) {
                String similarity = DeadLetters.get(record.headers(), DeadLetters.COPY_SIMILARITY);
                input = StoryInput.copy(raw, record.value(), copyOf, similarity == null ? 0 : Double.parseDouble(similarity));
            } else {
                long t0 = System.nanoTime();
                input = StoryInput.enriched(enricher.enrich(raw), StoryFeatures.contentTerms(raw.title(), raw.text()));
                metrics.enrichmentTime(System.nanoTime() - t0);
            }
            context.forward(record.withKey(key).withValue(new EnrichOutcome.ToStories(input)));
        } catch (RuntimeException | StackOverflowError e) {
            // A model failure on one article must not stop the stream: the record goes to the
            // dead-letter topic with the reason, and the next record is processed.
            if (!isRejection(e)) {
                LOG.warn("enrichment failed for a record at {}: {}", where(), e.toString());
            }
            deadLetter(record, raw, e, reason(e));
        }
    }

    /** Whether {@code e} refuses the input (an expected outcome, logged by nobody) rather than a model failure. */
    static boolean isRejection(Throwable e) {
        return e instanceof RejectedArticleException || e instanceof SerializationException;
    }

    /** The dead-letter reason for {@code e}: a rejection's own message, or "enrichment failed: ..." for a model failure. */
    static String reason(Throwable e) {
        return isRejection(e) ? e.getMessage() : "enrichment failed: " + e;
    }

    private void deadLetter(Record<byte[], byte[]> record, RawArticle raw, Throwable e, String reason) {
        String message = reason == null ? e.getClass().getSimpleName() : reason;
        metrics.deadLetter(STAGE, e.getClass().getName());
        context.forward(new Record<byte[], EnrichOutcome>(raw == null ? record.key() : raw.id().getBytes(StandardCharsets.UTF_8),
                new EnrichOutcome.Failed(record.value()), record.timestamp(),
                DeadLetters.headers(record.headers(), context, e.getClass().getName(), message)));
        if (raw != null) {
            context.forward(new Record<byte[], EnrichOutcome>(raw.id().getBytes(StandardCharsets.UTF_8),
                    new EnrichOutcome.ToStories(StoryInput.failed(raw.id(), message)), record.timestamp(),
                    record.headers()));
        }
    }

    private String where() {
        return context.recordMetadata().map(EnrichProcessor::describe).orElse("unknown position");
    }

    private static String describe(RecordMetadata m) {
        return m.topic() + "-" + m.partition() + "@" + m.offset();
    }
}
