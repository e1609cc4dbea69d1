package io.newsstream.common.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeTopicsResult;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.internals.KafkaFutureImpl;
import org.junit.jupiter.api.Test;

class TopicAdminTest {

    private static final Node BROKER = new Node(1, "localhost", 9092);

    private static TopicPartitionInfo partition(int id, Node leader) {
        return new TopicPartitionInfo(id, leader, List.of(BROKER), List.of(BROKER));
    }

    @Test
    void shouldNameThePartitionsThatHaveNoLeaderYet() {
        TopicDescription raw = new TopicDescription("raw", false,
                List.of(partition(0, BROKER), partition(1, null), partition(2, Node.noNode())));
        TopicDescription enriched = new TopicDescription("enriched", false, List.of(partition(0, BROKER)));

        assertThat(TopicAdmin.withoutLeader(List.of(raw, enriched))).isEqualTo("raw-1, raw-2");
        assertThat(TopicAdmin.withoutLeader(List.of(enriched))).isEmpty();
    }

    @Test
    void shouldWaitUntilTheLeaderAnswersForEveryPartitionNotOnlyUntilTheMetadataNamesIt() {
        // the metadata names a leader at once; the leader refuses the first three offset requests, as a
        // KRaft broker does before its replica manager has opened the new partitions
        FakeAdmin fake = new FakeAdmin(3, new NotLeaderOrFollowerException("not yet"));

        TopicAdmin.awaitLeaders(fake.admin(), List.of("raw"), Duration.ofSeconds(10));

        assertThat(fake.offsetRequests).hasSize(4);
        assertThat(fake.offsetRequests.get(3)).containsExactlyInAnyOrder(new TopicPartition("raw", 0), new TopicPartition("raw", 1));
    }

    @Test
    void shouldNameTheTopicWhoseLeaderNeverAnswers() {
        FakeAdmin fake = new FakeAdmin(Integer.MAX_VALUE, new NotLeaderOrFollowerException("not yet"));

        assertThatThrownBy(() -> TopicAdmin.awaitLeaders(fake.admin(), List.of("raw"), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no leader answers for raw 1 s after creation");
        assertThat(fake.offsetRequests.size()).isGreaterThan(1);
    }

    @Test
    void shouldFailAtOnceOnAnErrorThatWaitingCannotMend() {
        FakeAdmin fake = new FakeAdmin(Integer.MAX_VALUE, new TopicAuthorizationException("no access to raw"));

        assertThatThrownBy(() -> TopicAdmin.awaitLeaders(fake.admin(), List.of("raw"), Duration.ofSeconds(10)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no access to raw");
        assertThat(fake.offsetRequests).hasSize(1);
    }

    /** An admin that describes topic {@code raw} with two led partitions and fails its first offset requests. */
    private static final class FakeAdmin {
        private final int refusals;
        private final RuntimeException refusal;
        final List<Collection<TopicPartition>> offsetRequests = new ArrayList<>();

        FakeAdmin(int refusals, RuntimeException refusal) {
            this.refusals = refusals;
            this.refusal = refusal;
        }

        Admin admin() {
            return (Admin) Proxy.newProxyInstance(Admin.class.getClassLoader(), new Class<?>[] {Admin.class}, (proxy, method, args) -> {
                switch (method.getName()) {
                    case "describeTopics" -> {
                        TopicDescription raw = new TopicDescription("raw", false, List.of(partition(0, BROKER), partition(1, BROKER)));
                        return new DescribeTopicsResult(null, Map.of("raw", KafkaFuture.completedFuture(raw))) { };
                    }
                    case "listOffsets" -> {
                        @SuppressWarnings("unchecked")
                        Map<TopicPartition, ?> asked = (Map<TopicPartition, ?>) args[0];
                        boolean refuse = offsetRequests.size() < refusals;
                        offsetRequests.add(List.copyOf(asked.keySet()));
                        Map<TopicPartition, KafkaFuture<ListOffsetsResultInfo>> answers = new HashMap<>();
                        for (TopicPartition tp : asked.keySet()) {
                            KafkaFutureImpl<ListOffsetsResultInfo> f = new KafkaFutureImpl<>();
                            if (refuse) {
                                f.completeExceptionally(refusal);
                            } else {
                                f.complete(new ListOffsetsResultInfo(0L, -1L, Optional.empty()));
                            }
                            answers.put(tp, f);
                        }
                        return new ListOffsetsResult(answers);
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                }
            });
        }
    }
}
