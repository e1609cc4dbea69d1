package io.newsstream.enrich.topology;

import io.newsstream.common.topics.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * Builds dead-letter headers. The enrich topology passes records through internal topics, so the first
 * step stamps where a record was read from the raw topic into {@code newsstream.origin.*} headers, and a
 * later step that dead-letters it reports that position rather than the internal topic's.
 */
final class DeadLetters {

    static final String STAGE = "enrich";
    static final String ORIGIN_TOPIC = "newsstream.origin.topic";
    static final String ORIGIN_PARTITION = "newsstream.origin.partition";
    static final String ORIGIN_OFFSET = "newsstream.origin.offset";
    /** Set by the copy finder on a near-verbatim copy: the original's id. */
    static final String COPY_OF = "newsstream.copy.of";
    /** Set by the copy finder on a near-verbatim copy: the body similarity. */
    static final String COPY_SIMILARITY = "newsstream.copy.similarity";

    private DeadLetters() {
    }

    /** Headers for the dead-letter record of a record with {@code headers}, failed for {@code reason}. */
    static Headers headers(Headers original, ProcessorContext<?, ?> context, String exception, String reason) {
        Headers headers = new RecordHeaders();
        for (Header h : original) {
            if (!h.key().startsWith("newsstream.")) {
                headers.add(h);
            }
        }
        put(headers, DeadLetterHeaders.STAGE, STAGE);
        put(headers, DeadLetterHeaders.EXCEPTION, exception);
        put(headers, DeadLetterHeaders.MESSAGE, reason);
        String topic = get(original, ORIGIN_TOPIC);
        if (topic != null) {
            put(headers, DeadLetterHeaders.TOPIC, topic);
            put(headers, DeadLetterHeaders.PARTITION, get(original, ORIGIN_PARTITION));
            put(headers, DeadLetterHeaders.OFFSET, get(original, ORIGIN_OFFSET));
        } else if (context != null) {
            context.recordMetadata().ifPresent(m -> {
                put(headers, DeadLetterHeaders.TOPIC, m.topic());
                put(headers, DeadLetterHeaders.PARTITION, Integer.toString(m.partition()));
                put(headers, DeadLetterHeaders.OFFSET, Long.toString(m.offset()));
            });
        }
        return headers;
    }

    /** {@code headers} without the internal {@code newsstream.*} ones, for a record leaving the topology. */
    static Headers withoutInternal(Headers original) {
        Headers headers = new RecordHeaders();
        for (Header h : original) {
            if (!h.key().startsWith("newsstream.")) {
                headers.add(h);
            }
        }
        return headers;
    }

    static String get(Headers headers, String key) {
        Header h = headers.lastHeader(key);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    static void put(Headers headers, String key, String value) {
        headers.remove(key);
        if (value != null) {
            headers.add(key, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
