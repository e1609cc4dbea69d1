package io.newsstream.common.topics;

import io.newsstream.common.config.NewsstreamConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Creates the registry's topics explicitly (brokers run with auto-creation off), as configured:
 * names, partitions, replication and topic configs. Existing topics are left as they are. A topic counts
 * as created once every partition has a leader: the broker confirms a creation before it has taken up the
 * new partitions, and a producer that writes at once can meet {@code NOT_LEADER_OR_FOLLOWER}, after
 * which an idempotent producer may retry its first batch out of order until it expires (seen in a test
 * writing right after creation).
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
            awaitLeaders(admin, created, timeout);
            return created;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot reach Kafka at " + config.bootstrapServers() + " to create topics: "
                    + (e.getCause() == null ? e : e.getCause()).getMessage(), e);
        }
    }

    /**
     * Waits until every partition of {@code topics} has a leader, asking the cluster every 50 ms.
     *
     * @throws IllegalStateException when some partition has none after {@code timeout}
     */
    public static void awaitLeaders(Admin admin, Collection<String> topics, Duration timeout) {
        if (topics.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        String missing = String.join(", ", topics);
        while (true) {
            long left = deadline - System.nanoTime();
            try {
                missing = withoutLeader(admin.describeTopics(topics).allTopicNames().get(Math.max(1, left), TimeUnit.NANOSECONDS).values());
                if (missing.isEmpty()) {
                    return;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw new IllegalStateException("cannot describe topics " + topics + ": " + e.getCause().getMessage(), e.getCause());
                }
            } catch (TimeoutException e) {
                // reported below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the leaders of " + topics, e);
            }
            if (System.nanoTime() >= deadline) {
                throw new IllegalStateException("partitions without a leader " + timeout.toSeconds() + " s after creation: " + missing);
            }
            LockSupport.parkNanos(50_000_000L); // the next question to the cluster, within the deadline
        }
    }

    /** The partitions of {@code topics} that have no leader, as {@code topic-partition}, comma-separated. */
    static String withoutLeader(Collection<TopicDescription> topics) {
        List<String> out = new ArrayList<>();
        for (TopicDescription t : topics) {
            for (TopicPartitionInfo p : t.partitions()) {
                if (p.leader() == null || p.leader().isEmpty()) {
                    out.add(t.name() + "-" + p.partition());
                }
            }
        }
        return String.join(", ", out);
    }
}
