package io.newsstream.enrich.stories;

import java.time.Instant;

/** Time helpers shared by the detector and the assigner: epoch milliseconds, and the watermark's start. */
final class Times {

    /** The watermark before any article: expiry relative to it removes nothing. */
    static final long NO_WATERMARK = 0L;

    private Times() {
    }

    /** The time to use for an article seen at {@code at}; an article without a time takes the watermark. */
    static long advance(long watermark, Instant at) {
        return at == null ? watermark : at.toEpochMilli();
    }
}
