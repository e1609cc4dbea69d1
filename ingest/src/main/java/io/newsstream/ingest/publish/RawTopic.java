package io.newsstream.ingest.publish;

import io.newsstream.common.config.NewsstreamConfig;
import io.newsstream.common.topics.TopicAdmin;
import io.newsstream.common.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the raw topic as configured (partitions, replication, retention from
 * {@link io.newsstream.common.config.TopicConfig}) when it does not exist yet, so a first ingest
 * against an empty cluster does not depend on the broker's auto-creation defaults.
 */
public final class RawTopic {

    private RawTopic() {
    }

    /**
     * Creates the raw topic if missing.
     *
     * @return true if this call created it
     * @throws PublishException when the cluster refuses or does not answer within {@code timeout}
     */
    public static boolean ensure(NewsstreamConfig config, Duration timeout) {
        var props = config.clientProperties();
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "newsstream-ingest-admin");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(timeout.toMillis()));
        // the admin client refuses an API timeout shorter than its request timeout (30 s by default)
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(timeout.toMillis()));
        String name = config.topics().name(Topics.RAW);
        try (Admin admin = Admin.create(props)) {
            if (admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS).contains(name)) {
                return false;
            }
            admin.createTopics(List.of(config.topics().newTopic(Topics.RAW))).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            // what ingest publishes next must find the partitions led
            TopicAdmin.awaitLeaders(admin, List.of(name), timeout);
            return true;
        } catch (IllegalStateException e) {
            throw new PublishException("cannot create topic '" + name + "': " + e.getMessage(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            throw new PublishException("cannot create topic '" + name + "': " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new PublishException("cannot create topic '" + name + "': no answer from " + config.bootstrapServers()
                    + " within " + timeout.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted while creating topic '" + name + "'", e);
        }
    }
}
