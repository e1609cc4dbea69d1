package io.newsstream.common.topics;

import io.newsstream.common.config.NewsstreamConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the registry's topics explicitly (brokers run with auto-creation off), as configured:
 * names, partitions, replication and topic configs. Existing topics are left as they are. A topic counts
 * as created once every partition's leader answers for it. The broker confirms a creation before it has
 * taken up the new partitions, and even once the cluster's metadata names a leader, that broker may not
 * have opened the partition's log yet (a KRaft broker publishes the new metadata before its replica
 * manager applies it). A producer that writes in that window meets {@code NOT_LEADER_OR_FOLLOWER}, after
 * which an idempotent producer may retry its first batch out of order, or hold it back, until it expires
 * (both seen in a test writing right after creation). So the wait asks each partition's leader for its
 * latest offset, a request only the hosting leader answers.
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
        return create(config, "newsstream-topics-admin", Topics.all(), timeout);
    }

    /**
     * Creates those of {@code topics} that do not exist yet, as configured, and waits until their leaders answer.
     * A topic another client creates meanwhile counts as existing.
     *
     * @param clientId the admin client's id, as the brokers log it
     * @return the names of the topics this call created
     * @throws IllegalStateException when the cluster refuses a creation or does not answer within {@code timeout};
     *                               its message names the topic (one) or says "topics" (several)
     */
    public static List<String> create(NewsstreamConfig config, String clientId, Collection<? extends TopicSpec<?, ?>> topics,
                                      Duration timeout) {
        Properties props = config.clientProperties();
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(timeout.toMillis()));
        // the admin client refuses an API timeout shorter than its request timeout (30 s by default)
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(timeout.toMillis()));
        String what = topics.size() == 1 ? "topic '" + config.topics().name(topics.iterator().next()) + "'" : "topics";
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (TopicSpec<?, ?> t : topics) {
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
                        throw new IllegalStateException("cannot create topic '" + t.name() + "': " + e.getCause().getMessage(), e.getCause());
                    }
                }
            }
            // what is written next must find the partitions led
            awaitLeaders(admin, created, timeout);
            return created;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating " + what, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot create " + what + ": no answer from Kafka at " + config.bootstrapServers()
                    + " within " + timeout.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create " + what + ": cannot reach Kafka at " + config.bootstrapServers()
                    + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    /**
     * Waits until every partition of {@code topics} has a leader that answers for it: first the cluster's
     * metadata must name a leader, then that leader must give the partition's latest offset. Asks every
     * 50 ms.
     *
     * @throws IllegalStateException when some partition has no answering leader after {@code timeout}
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
                Collection<TopicDescription> described = admin.describeTopics(topics).allTopicNames()
                        .get(Math.max(1, left), TimeUnit.NANOSECONDS).values();
                missing = withoutLeader(described);
                if (missing.isEmpty()) {
                    missing = String.join(", ", topics);
                    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                    for (TopicDescription t : described) {
                        for (TopicPartitionInfo p : t.partitions()) {
                            latest.put(new TopicPartition(t.name(), p.partition()), OffsetSpec.latest());
                        }
                    }
                    long leftMs = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
                    admin.listOffsets(latest, new ListOffsetsOptions().timeoutMs((int) Math.min(Integer.MAX_VALUE, leftMs)))
                            .all().get(leftMs, TimeUnit.MILLISECONDS);
                    return;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RetriableException)) {
                    throw new IllegalStateException("cannot ask for the leaders of " + topics + ": " + e.getCause().getMessage(), e.getCause());
                }
            } catch (TimeoutException e) {
                // reported below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the leaders of " + topics, e);
            }
            if (System.nanoTime() >= deadline) {
                throw new IllegalStateException("no leader answers for " + missing + " " + timeout.toSeconds() + " s after creation");
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
