package io.newsstream.sink;

import io.newsstream.common.model.EnrichedArticle;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Which time an article counts at in the entity windows: its publication time (when it has one that
 * is not in the future) or the time it was ingested. {@link WindowTime#INGESTED} never drops a late
 * article; {@link WindowTime#PUBLISHED} shows when things were said, but articles older than the grace
 * period behind the newest one seen are not counted.
 */
public final class ArticleTimestampExtractor implements TimestampExtractor {

    /** The time the entity windows are on. */
    public enum WindowTime { INGESTED, PUBLISHED }

    private final WindowTime mode;

    public ArticleTimestampExtractor(WindowTime mode) {
        this.mode = mode;
    }

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof EnrichedArticle a) {
            Instant t = mode == WindowTime.PUBLISHED && a.publishedAt() != null
                    && a.publishedAt().isBefore(Instant.now().plusSeconds(3600)) ? a.publishedAt() : a.ingestedAt();
            if (t != null) {
                return t.toEpochMilli();
            }
        }
        return record.timestamp() >= 0 ? record.timestamp() : Math.max(partitionTime, 0);
    }
}
