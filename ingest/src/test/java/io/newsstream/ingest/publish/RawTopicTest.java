package io.newsstream.ingest.publish;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsstream.common.config.NewsstreamConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RawTopicTest {

    @Test
    void aClusterThatDoesNotAnswerIsNamedWithTheTopicAndItsAddress() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort(); // closed again: nothing listens there
        }
        NewsstreamConfig config = NewsstreamConfig.defaults().withBootstrapServers("127.0.0.1:" + port);

        assertThatThrownBy(() -> RawTopic.ensure(config, Duration.ofSeconds(1)))
                .isInstanceOf(PublishException.class)
                .hasMessageStartingWith("cannot create topic 'news.articles.raw': ")
                .hasMessageContaining("Kafka at 127.0.0.1:" + port);
    }
}
