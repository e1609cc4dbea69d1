package io.newsstream.common.topics;

/**
 * Header names on {@code news.deadletter} records. They follow Kafka Streams' own
 * {@code __streams.errors.*} convention so generic tooling recognises them; {@link #STAGE} is ours.
 */
public final class DeadLetterHeaders {
    /** Which stage gave up on the record: {@code ingest}, {@code enrich} or {@code sink}. */
    public static final String STAGE = "__streams.errors.stage";
    /** Fully qualified class name of the exception. */
    public static final String EXCEPTION = "__streams.errors.exception";
    /** A reason a person can read. */
    public static final String MESSAGE = "__streams.errors.message";
    /** Topic the record was read from. */
    public static final String TOPIC = "__streams.errors.topic";
    /** Partition the record was read from. */
    public static final String PARTITION = "__streams.errors.partition";
    /** Offset the record was read from. */
    public static final String OFFSET = "__streams.errors.offset";

    private DeadLetterHeaders() {
    }
}
