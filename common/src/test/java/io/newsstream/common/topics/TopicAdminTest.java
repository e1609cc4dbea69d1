package io.newsstream.common.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
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
}
