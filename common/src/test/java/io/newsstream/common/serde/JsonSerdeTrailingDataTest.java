package io.newsstream.common.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsstream.common.model.RawArticle;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** A record value is one JSON document: a second one glued on is refused, not silently dropped. */
class JsonSerdeTrailingDataTest {

    private final JsonSerde<RawArticle> serde = JsonSerde.of(RawArticle.class);

    @Test
    void shouldRefuseASecondDocumentAfterTheFirst() {
        byte[] two = "{\"schemaVersion\":1,\"id\":\"a\",\"text\":\"one\"}\n{\"schemaVersion\":1,\"id\":\"b\",\"text\":\"two\"}"
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> serde.fromBytes(two))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("not a valid RawArticle JSON document: Trailing token (of type START_OBJECT)");
    }

    @Test
    void shouldAcceptTrailingWhiteSpace() {
        byte[] one = "{\"schemaVersion\":1,\"id\":\"a\",\"text\":\"one\"}\n \n".getBytes(StandardCharsets.UTF_8);

        assertThat(serde.fromBytes(one).id()).isEqualTo("a");
    }
}
