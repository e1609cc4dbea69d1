package io.newsstream.enrich.topology;

import io.newsstream.common.topics.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.errors.internals.ExceptionHandlerUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When an output record cannot be written (too large, not serialisable), the source record goes to the
 * dead-letter topic with the reason and processing goes on; retriable errors are retried. Kafka's own
 * default would stop the application instead.
 */
public final class DeadLetterProductionExceptionHandler implements ProductionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProductionExceptionHandler.class);
    private String deadLetterTopic;
    private String stage = "streams";

    /** Setting naming the stage written into the {@code __streams.errors.stage} header. */
    public static final String STAGE_CONFIG = "newsstream.errors.stage";

    @Override
    public void configure(Map<String, ?> configs) {
        Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        deadLetterTopic = topic == null ? null : topic.toString();
        Object s = configs.get(STAGE_CONFIG);
        if (s != null) {
            stage = s.toString();
        }
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
        if (exception instanceof RetriableException) {
            return Response.retry();
        }
        return deadLetter(context, exception);
    }

    @Override
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
                                             SerializationExceptionOrigin origin) {
        return deadLetter(context, exception);
    }

    private Response deadLetter(ErrorHandlerContext context, Exception exception) {
        LOG.warn("cannot write the result of {}-{}@{}: {}; the source record goes to the dead-letter topic",
                context.topic(), context.partition(), context.offset(), exception.toString());
        if (deadLetterTopic == null) {
            return Response.resume();
        }
        ProducerRecord<byte[], byte[]> dlq = ExceptionHandlerUtils.buildDeadLetterQueueRecord(deadLetterTopic,
                context.sourceRawKey(), context.sourceRawValue(), context, exception);
        dlq.headers().add(DeadLetterHeaders.STAGE, stage.getBytes(StandardCharsets.UTF_8));
        return Response.resume(List.of(dlq));
    }
}
