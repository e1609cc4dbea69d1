package io.newsstream.common.serde;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.newsstream.common.Samples;
import io.newsstream.common.model.EnrichedArticle;
import io.newsstream.common.model.RawArticle;
import io.newsstream.common.topics.TopicSpec;
import io.newsstream.common.topics.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the code writes on each topic validates against the JSON Schema documented for it under docs/schemas. */
class WireSchemaTest {

    static final Path SCHEMAS = Path.of("..", "docs", "schemas");

    /** The schema file of each topic's value. */
    static final Map<TopicSpec<?, ?>, String> SCHEMA_OF = Map.of(
            Topics.RAW, "raw-article.schema.json",
            Topics.ENRICHED, "enriched-article.schema.json",
            Topics.DASHBOARD_ARTICLES, "dashboard-article.schema.json",
            Topics.DASHBOARD_ENTITIES, "entity-window-stats.schema.json",
            Topics.DASHBOARD_STORIES, "story-summary.schema.json",
            Topics.DEADLETTER, "deadletter.schema.json");

    static Set<ValidationMessage> validate(String schemaFile, byte[] json) throws IOException {
        JsonSchema schema;
        try (InputStream in = Files.newInputStream(SCHEMAS.resolve(schemaFile))) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        JsonNode node = Json.mapper().readTree(json);
        return schema.validate(node);
    }

    @Test
    void everyTopicHasASchemaFile() {
        assertThat(SCHEMA_OF.keySet()).containsExactlyInAnyOrderElementsOf(Topics.all());
        SCHEMA_OF.values().forEach(f -> assertThat(SCHEMAS.resolve(f)).isRegularFile());
    }

    @Test
    void rawArticleAsWrittenValidates() throws IOException {
        assertThat(validate("raw-article.schema.json", JsonSerde.of(RawArticle.class).toBytes(Samples.raw()))).isEmpty();
    }

    @Test
    void enrichedArticleAsWrittenValidates() throws IOException {
        assertThat(validate("enriched-article.schema.json", Topics.ENRICHED.valueSerde().serializer().serialize("t", Samples.enriched()))).isEmpty();
        assertThat(validate("enriched-article.schema.json", Topics.ENRICHED.valueSerde().serializer()
                .serialize("t", Samples.enriched().withoutText().withStory(null)))).isEmpty();
    }

    @Test
    void dashboardRecordsAsWrittenValidate() throws IOException {
        assertThat(validate("dashboard-article.schema.json",
                Topics.DASHBOARD_ARTICLES.valueSerde().serializer().serialize("t", Samples.dashboardArticle()))).isEmpty();
        assertThat(validate("entity-window-stats.schema.json",
                Topics.DASHBOARD_ENTITIES.valueSerde().serializer().serialize("t", Samples.entityWindowStats()))).isEmpty();
        assertThat(validate("story-summary.schema.json",
                Topics.DASHBOARD_STORIES.valueSerde().serializer().serialize("t", Samples.storySummary()))).isEmpty();
    }

    @Test
    void schemaRejectsARecordMissingARequiredField() throws IOException {
        byte[] json = "{\"schemaVersion\":1,\"id\":\"x\",\"source\":{\"name\":null,\"url\":null},\"ingestedAt\":\"2026-01-01T00:00:00Z\"}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(validate("raw-article.schema.json", json)).extracting(ValidationMessage::getMessage)
                .anySatisfy(m -> assertThat(m).contains("text"));
    }
}
