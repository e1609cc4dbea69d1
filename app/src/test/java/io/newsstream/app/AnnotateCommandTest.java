package io.newsstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.newsstream.common.serde.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newsstream annotate} as a user runs it: real models, real files, JSON lines out. */
class AnnotateCommandTest {

    private static final Path SEEDS = Path.of("..", "seeds");

    private record Run(int exitCode, List<String> lines) {
    }

    private static Run annotate(String... args) {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            String[] all = Stream.concat(Stream.of("annotate"), Stream.of(args)).toArray(String[]::new);
            int code = Main.run(all);
            return new Run(code, out.toString(StandardCharsets.UTF_8).lines().toList());
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }

    @Test
    void shouldPrintOneEnrichedArticlePerSeedThatValidatesAgainstTheSchema(@TempDir Path dir) throws IOException {
        List<String> files = new ArrayList<>();
        try (Stream<Path> seeds = Files.list(SEEDS)) {
            seeds.sorted().forEach(p -> files.add(p.toString()));
        }
        Path bad = dir.resolve("empty.txt");
        Files.writeString(bad, "   \n");
        files.add(bad.toString());

        Run run = annotate(files.toArray(String[]::new));

        assertThat(run.exitCode()).as("exit code when one input fails").isEqualTo(1);
        assertThat(run.lines()).hasSize(6);
        JsonSchema schema;
        try (InputStream in = Files.newInputStream(Path.of("..", "docs", "schemas", "enriched-article.schema.json"))) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        for (String line : run.lines().subList(0, 5)) {
            JsonNode node = Json.mapper().readTree(line);
            assertThat(schema.validate(node)).as(line.substring(0, 80)).isEmpty();
            assertThat(node.get("entities").size()).isGreaterThan(5);
            assertThat(node.get("sentiment").get("label").asText()).isEqualTo("negative");
        }
        JsonNode error = Json.mapper().readTree(run.lines().get(5));
        assertThat(error.get("error").asText()).contains("empty.txt");
    }

    @Test
    void shouldExitZeroWhenEveryInputIsEnriched() {
        Run run = annotate(SEEDS.resolve("000_94b3483d0b91f4f9.txt").toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).hasSize(1).first().asString().startsWith("{\"schemaVersion\":1");
    }

    @Test
    void shouldNameAMissingFile() {
        PrintStream stderr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(Main.run("annotate", "no/such/file.txt")).isEqualTo(2);
        } finally {
            System.setErr(stderr);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such file or folder: no/such/file.txt");
    }

    @Test
    void shouldPrintEntitiesAndToneOfAGermanAFrenchAndASpanishArticle(@TempDir Path dir) throws IOException {
        Path de = dir.resolve("de.txt");
        Files.writeString(de, "Schweres Erdbeben in der Türkei\n\nBei einem schweren Erdbeben im Osten der Türkei sind "
                + "mindestens 30 Menschen getötet und Hunderte verletzt worden. Präsident Recep Tayyip Erdoğan sprach den "
                + "Familien der Opfer sein Beileid aus. Das Rote Kreuz schickte Helfer aus Ankara in die Region.");
        Path fr = dir.resolve("fr.txt");
        Files.writeString(fr, "Incendie meurtrier à Marseille\n\nUn incendie a fait trois morts dans un immeuble de "
                + "Marseille dans la nuit de samedi à dimanche, a indiqué la préfecture. Le maire Benoît Payan s'est rendu "
                + "sur place. Les pompiers ont évacué des dizaines d'habitants blessés.");
        Path es = dir.resolve("es.txt");
        Files.writeString(es, "Inundaciones en Valencia dejan varios muertos\n\nLas inundaciones en Valencia han "
                + "causado al menos cinco muertos y decenas de heridos, según el Gobierno de España. El presidente Pedro "
                + "Sánchez visitó la zona afectada con los equipos de rescate.");

        Run run = annotate(de.toString(), fr.toString(), es.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).hasSize(3);
        List<String> languages = new ArrayList<>();
        for (String line : run.lines()) {
            JsonNode node = Json.mapper().readTree(line);
            languages.add(node.get("language").asText());
            assertThat(node.get("flags").toString()).as(line).doesNotContain("unsupported");
            assertThat(node.get("sentiment").get("label").asText()).as(line).isEqualTo("negative");
            List<String> people = new ArrayList<>();
            node.get("entities").forEach(e -> {
                if (e.get("type").asText().equals("PERSON")) {
                    people.add(e.get("name").asText());
                }
            });
            assertThat(people).as(line).isNotEmpty();
        }
        assertThat(languages).containsExactly("de", "fr", "es");
        JsonNode german = Json.mapper().readTree(run.lines().get(0));
        List<String> names = new ArrayList<>();
        german.get("entities").forEach(e -> names.add(e.get("name").asText()));
        assertThat(names).as("places named in English").contains("Turkey", "Ankara");
    }
}
