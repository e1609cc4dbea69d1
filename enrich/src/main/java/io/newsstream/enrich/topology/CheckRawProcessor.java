package io.newsstream.enrich.topology;

import io.newsstream.common.metrics.StageMetrics;
import io.newsstream.common.model.RawArticle;
import io.newsstream.common.serde.JsonSerde;
import io.newsstream.enrich.Enricher;
import io.newsstream.enrich.RejectedArticleException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * First step, on the raw topic's partitions: parses and checks each record without running any model.
 * A record that cannot be enriched goes to the dead-letter topic here, where its raw-topic position is
 * known; an accepted one goes on keyed by its article id, with that position in {@code newsstream.origin.*}
 * headers. Its task commits when the thread goes idle ({@link IdleCommit}).
 */
final class CheckRawProcessor implements Processor<byte[], byte[], byte[], EnrichOutcome> {

    private final Enricher enricher;
    private final JsonSerde<RawArticle> rawSerde = JsonSerde.of(RawArticle.class);
    private ProcessorContext<byte[], EnrichOutcome> context;

    private final StageMetrics metrics;
    private final IdleCommit idleCommit;

    CheckRawProcessor(Enricher enricher, StageMetrics metrics, IdleCommit idleCommit) {
        this.enricher = enricher;
        this.metrics = metrics;
        this.idleCommit = idleCommit;
    }

    @Override
    public void init(ProcessorContext<byte[], EnrichOutcome> context) {
        this.context = context;
        idleCommit.init(context);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        try {
            check(record);
        } finally {
            // the forward above ran the enrichment too: the thread was busy until now
            idleCommit.worked();
        }
    }

    private void check(Record<byte[], byte[]> record) {
        metrics.articleIn(DeadLetters.STAGE);
        try {
            if (record.value() == null) {
                throw new RejectedArticleException("record has no value (a tombstone is not an article)");
            }
            RawArticle raw = rawSerde.fromBytes(record.value());
            enricher.validate(raw);
            Headers headers = DeadLetters.withoutInternal(record.headers());
            context.recordMetadata().ifPresent(m -> {
                DeadLetters.put(headers, DeadLetters.ORIGIN_TOPIC, m.topic());
                DeadLetters.put(headers, DeadLetters.ORIGIN_PARTITION, Integer.toString(m.partition()));
                DeadLetters.put(headers, DeadLetters.ORIGIN_OFFSET, Long.toString(m.offset()));
            });
            context.forward(new Record<byte[], EnrichOutcome>(raw.id().getBytes(StandardCharsets.UTF_8),
                    new EnrichOutcome.Accepted(record.value()), record.timestamp(), headers));
        } catch (RejectedArticleException | SerializationException e) {
            metrics.deadLetter(DeadLetters.STAGE, e.getClass().getName());
            context.forward(new Record<byte[], EnrichOutcome>(record.key(), new EnrichOutcome.Failed(record.value()),
                    record.timestamp(), DeadLetters.headers(record.headers(), context, e.getClass().getName(),
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
        }
    }
}
