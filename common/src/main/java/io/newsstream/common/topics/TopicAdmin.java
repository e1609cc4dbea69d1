package io.newsstream.common.topics;

import io.newsstream.common.config.NewsstreamConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the registry's topics explicitly (brokers run with auto-creation off), as configured:
 * names, partitions, replication and topic configs. Existing topics are left as they are.
 */
public final class TopicAdmin {

    private TopicAdmin() {
    }

    /**
     * Creates every topic of {@link Topics#all()} that does not exist yet.
     *
     * @return the names of the topics this call created
     */
    public static List<String> createAll(NewsstreamConfig config, Duration timeout) {
        try (Admin admin = Admin.create(config.clientProperties())) {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (TopicSpec<?, ?> t : Topics.all()) {
                if (!existing.contains(config.topics().name(t))) {
                    missing.add(config.topics().newTopic(t));
                }
            }
            List<String> created = new ArrayList<>();
            var result = admin.createTopics(missing);
            for (NewTopic t : missing) {
                try {
                    result.values().get(t.name()).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    created.add(t.name());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + t.name() + ": " + e.getCause().getMessage(), e.getCause());
                    }
                }
            }
            return created;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot reach Kafka at " + config.bootstrapServers() + " to create topics: "
                    + (e.getCause() == null ? e : e.getCause()).getMessage(), e);
        }
    }
}
