package io.newsstream.ingest.publish;

import io.newsstream.common.config.NewsstreamConfig;
import io.newsstream.common.topics.TopicAdmin;
import io.newsstream.common.topics.Topics;
import java.time.Duration;
import java.util.List;

/**
 * Creates the raw topic as configured (partitions, replication, retention from
 * {@link io.newsstream.common.config.TopicConfig}) when it does not exist yet, so a first ingest
 * against an empty cluster does not depend on the broker's auto-creation defaults.
 */
public final class RawTopic {

    private RawTopic() {
    }

    /**
     * Creates the raw topic if missing ({@link TopicAdmin#create}: once created, its partitions' leaders answer).
     *
     * @return true if this call created it
     * @throws PublishException when the cluster refuses or does not answer within {@code timeout}
     */
    public static boolean ensure(NewsstreamConfig config, Duration timeout) {
        try {
            return !TopicAdmin.create(config, "newsstream-ingest-admin", List.of(Topics.RAW), timeout).isEmpty();
        } catch (IllegalStateException e) {
            // the message names the topic and what went wrong
            throw new PublishException(e.getMessage(), e);
        }
    }
}
