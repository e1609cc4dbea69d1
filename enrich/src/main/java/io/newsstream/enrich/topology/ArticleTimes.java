package io.newsstream.enrich.topology;

import java.time.Instant;

/**
 * The one rule for an article's time in the story steps: its {@code ingestedAt}, or, for a record written
 * onto the raw topic without one, the raw record's timestamp (kept by Kafka Streams through the internal
 * topics). Both single-partition steps use it, so they keep an original equally long, and a replay reads
 * the same times from the log.
 */
final class ArticleTimes {

    private ArticleTimes() {
    }

    /** Epoch milliseconds. */
    static long seenAt(Instant ingestedAt, long recordTimestamp) {
        return ingestedAt != null ? ingestedAt.toEpochMilli() : Math.max(0, recordTimestamp);
    }
}
