package io.newsstream.common.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsstream.common.Samples;
import io.newsstream.common.model.EnrichedArticle;
import io.newsstream.common.model.RawArticle;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {

    private final JsonSerde<EnrichedArticle> serde = JsonSerde.of(EnrichedArticle.class);

    @Test
    void shouldRoundTripAnEnrichedArticle() {
        EnrichedArticle a = Samples.enriched();
        assertThat(serde.fromBytes(serde.toBytes(a))).isEqualTo(a);
    }

    @Test
    void shouldWriteIsoTimesLowerCaseLabelsSpansAsPairsAndNoClassNames() {
        String json = new String(serde.toBytes(Samples.enriched()), StandardCharsets.UTF_8);
        assertThat(json).contains("\"publishedAt\":\"2026-02-03T04:05:06Z\"")
                .contains("\"label\":\"negative\"")
                .contains("\"spans\":[[0,8],[40,43]]")
                .doesNotContain("io.newsstream").doesNotContain("@class");
    }

    @Test
    void shouldToleratUnknownFieldsFromANewerWriter() {
        byte[] json = ("{\"schemaVersion\":1,\"id\":\"a\",\"source\":{\"name\":\"n\",\"url\":null},\"text\":\"t\","
                + "\"ingestedAt\":\"2026-01-01T00:00:00Z\",\"somethingNew\":42}").getBytes(StandardCharsets.UTF_8);
        assertThat(JsonSerde.of(RawArticle.class).fromBytes(json).text()).isEqualTo("t");
    }

    @Test
    void shouldFailWithSerializationExceptionNamingTheType() {
        assertThatThrownBy(() -> serde.fromBytes("{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("EnrichedArticle");
        assertThatThrownBy(() -> serde.fromBytes("null".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void shouldRejectHostileNestingDepth() {
        String deep = "{\"a\":".repeat(Json.MAX_NESTING_DEPTH + 10) + "1" + "}".repeat(Json.MAX_NESTING_DEPTH + 10);
        assertThatThrownBy(() -> JsonSerde.of(RawArticle.class).fromBytes(deep.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void shouldKeepNullAsNull() {
        assertThat(serde.toBytes(null)).isNull();
        assertThat(serde.fromBytes(null)).isNull();
    }
}
