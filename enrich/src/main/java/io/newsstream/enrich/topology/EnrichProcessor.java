package io.newsstream.enrich.topology;

import io.newsstream.common.model.RawArticle;
import io.newsstream.common.serde.JsonSerde;
import io.newsstream.common.topics.DeadLetterHeaders;
import io.newsstream.enrich.Enricher;
import io.newsstream.enrich.RejectedArticleException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses and enriches each raw record. A record that cannot be parsed or enriched is forwarded as
 * {@link EnrichOutcome.Failed} with its original key and value and the reason in
 * {@code __streams.errors.*} headers; processing goes on with the next record.
 */
final class EnrichProcessor implements Processor<byte[], byte[], byte[], EnrichOutcome> {

    static final String STAGE = "enrich";
    private static final Logger LOG = LoggerFactory.getLogger(EnrichProcessor.class);

    private final Enricher enricher;
    private final JsonSerde<RawArticle> rawSerde = JsonSerde.of(RawArticle.class);
    private ProcessorContext<byte[], EnrichOutcome> context;

    EnrichProcessor(Enricher enricher) {
        this.enricher = enricher;
    }

    @Override
    public void init(ProcessorContext<byte[], EnrichOutcome> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        try {
            if (record.value() == null) {
                throw new RejectedArticleException("record has no value (a tombstone is not an article)");
            }
            RawArticle raw = rawSerde.fromBytes(record.value());
            var enriched = enricher.enrich(raw);
            context.forward(record
                    .withKey(enriched.id().getBytes(StandardCharsets.UTF_8))
                    .withValue(new EnrichOutcome.Enriched(enriched)));
        } catch (RejectedArticleException | SerializationException e) {
            deadLetter(record, e, e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            // A model failure on one article must not stop the stream: the record goes to the
            // dead-letter topic with the reason, and the next record is processed.
            LOG.warn("enrichment failed for a record at {}: {}", where(), e.toString());
            deadLetter(record, e, "enrichment failed: " + e);
        }
    }

    private void deadLetter(Record<byte[], byte[]> record, Throwable e, String reason) {
        Headers headers = new RecordHeaders(record.headers().toArray());
        put(headers, DeadLetterHeaders.STAGE, STAGE);
        put(headers, DeadLetterHeaders.EXCEPTION, e.getClass().getName());
        put(headers, DeadLetterHeaders.MESSAGE, reason == null ? e.getClass().getSimpleName() : reason);
        context.recordMetadata().ifPresent(m -> {
            put(headers, DeadLetterHeaders.TOPIC, m.topic());
            put(headers, DeadLetterHeaders.PARTITION, Integer.toString(m.partition()));
            put(headers, DeadLetterHeaders.OFFSET, Long.toString(m.offset()));
        });
        context.forward(new Record<byte[], EnrichOutcome>(record.key(), new EnrichOutcome.Failed(record.value()),
                record.timestamp(), headers));
    }

    private String where() {
        return context.recordMetadata().map(EnrichProcessor::describe).orElse("unknown position");
    }

    private static String describe(RecordMetadata m) {
        return m.topic() + "-" + m.partition() + "@" + m.offset();
    }

    private static void put(Headers headers, String key, String value) {
        headers.remove(key);
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
