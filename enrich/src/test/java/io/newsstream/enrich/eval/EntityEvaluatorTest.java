package io.newsstream.enrich.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.newsstream.common.model.Entity;
import io.newsstream.common.model.EntityType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntityEvaluatorTest {

    private static final String GOLD = """
            {"articles": {
              "a.txt": {
                "entities": [
                  {"name": "Ivan Petrov", "type": "PERSON", "aliases": ["Petrov"]},
                  {"name": "Anna Petrov", "type": "PERSON", "aliases": ["Petrov"]},
                  {"name": "Riverton", "type": "LOCATION", "aliases": []},
                  {"name": "Citadel", "type": "ORGANIZATION", "aliases": ["The Citadel"]}
                ],
                "optional": [{"name": "Expo Week", "type": "ORGANIZATION", "aliases": []}]
              },
              "b.txt": {"entities": [{"name": "Oakdale", "type": "LOCATION", "aliases": []}]}
            }}
            """;

    @TempDir
    Path dir;
    private EntityEvaluator evaluator;

    @BeforeEach
    void writeGold() throws IOException {
        Path gold = dir.resolve("gold.json");
        Files.writeString(gold, GOLD);
        evaluator = EntityEvaluator.load(gold);
    }

    private static Entity entity(String name, EntityType type, String... aliases) {
        return new Entity("id", name, type, 1, List.of(aliases), 0.5, null, List.of());
    }

    @Test
    void shouldMatchOnNamesOrAliasesCaseInsensitivelyWithPossessivesStripped() {
        EvalReport report = evaluator.evaluate(Map.of("a.txt", List.of(
                entity("Petrov", EntityType.PERSON, "Ivan Petrov's"),
                entity("the citadel", EntityType.ORGANIZATION, "CITADEL'S"),
                entity("riverton", EntityType.LOCATION))));

        DocScore a = report.documents().get(0);
        assertThat(a.truePositives()).isEqualTo(3);
        assertThat(a.falsePositives()).isZero();
        assertThat(a.missed()).containsExactly("Anna Petrov (PERSON)");
    }

    @Test
    void shouldRequireTheTypesToAgree() {
        EvalReport report = evaluator.evaluate(Map.of("a.txt", List.of(entity("Riverton", EntityType.ORGANIZATION))));

        assertThat(report.falsePositives()).isEqualTo(1);
        assertThat(report.truePositives()).isZero();
    }

    @Test
    void shouldCountASecondMatchOfOneGoldEntityAsFalsePositive() {
        EvalReport report = evaluator.evaluate(Map.of("a.txt", List.of(
                entity("Riverton", EntityType.LOCATION), entity("RIVERTON", EntityType.LOCATION))));

        assertThat(report.truePositives()).isEqualTo(1);
        assertThat(report.documents().get(0).spurious()).containsExactly("RIVERTON (LOCATION, repeat)");
    }

    @Test
    void shouldGiveEachReportedNameItsOwnGoldEntityBeforeMatchingByAlias() {
        EvalReport report = evaluator.evaluate(Map.of("a.txt", List.of(
                entity("Anna Petrov", EntityType.PERSON, "Petrov"), entity("Ivan Petrov", EntityType.PERSON))));

        assertThat(report.truePositives()).isEqualTo(2);
        assertThat(report.falsePositives()).isZero();
    }

    @Test
    void shouldNeitherRewardNorPenaliseOptionalEntities() {
        EvalReport report = evaluator.evaluate(Map.of("a.txt", List.of(entity("Expo Week", EntityType.ORGANIZATION))));

        assertThat(report.truePositives()).isZero();
        assertThat(report.falsePositives()).isZero();
        assertThat(report.falseNegatives()).isEqualTo(4);
    }

    @Test
    void shouldMicroAverageOverDocumentsAndSkipUnknownOnes() {
        EvalReport report = evaluator.evaluate(Map.of(
                "some/dir/a.txt", List.of(entity("Riverton", EntityType.LOCATION), entity("Nowhere", EntityType.LOCATION)),
                "b.txt", List.of(entity("Oakdale", EntityType.LOCATION)),
                "c.txt", List.of(entity("Oakdale", EntityType.LOCATION))));

        assertThat(report.documents()).extracting(DocScore::document).containsExactly("a.txt", "b.txt");
        assertThat(report.unknown()).containsExactly("c.txt");
        assertThat(report.precision()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(report.recall()).isCloseTo(2.0 / 5, within(1e-9));
        assertThat(report.f1()).isCloseTo(0.5, within(1e-9));
        assertThat(EntityEvaluator.format(report)).contains("overall (micro)", "a.txt", "false positives: Nowhere (LOCATION)",
                "false negatives: Ivan Petrov (PERSON)", "not in the gold file (not scored): c.txt");
    }

    @Test
    void shouldNameTheFileWhenTheGoldFileIsUnusable() throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"nothing\": 1}");

        assertThatThrownBy(() -> EntityEvaluator.load(bad)).hasMessageContaining("bad.json").hasMessageContaining("articles");
        assertThatThrownBy(() -> EntityEvaluator.load(dir.resolve("missing.json"))).hasMessageContaining("missing.json");
    }
}
