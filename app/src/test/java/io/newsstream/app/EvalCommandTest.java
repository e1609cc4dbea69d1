package io.newsstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstream.enrich.eval.LabelledCorpus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code newsstream eval} as a user runs it, on the real corpora of {@code ../shared/corpora} and the seeds
 * with their gold file: real models, the enrich stage's code. The floors are just below what was measured,
 * so a regression fails here; docs/stories.md gives the measured figures.
 */
class EvalCommandTest {

    private static final Path SHARED = LabelledCorpus.shared(Path.of(".."));
    private static final Pattern PAIRWISE = Pattern.compile("stories: pairwise P=([\\d.]+) R=([\\d.]+) F1=([\\d.]+)");

    private record Run(int exitCode, String out, String err) {
    }

    private static Run eval(String... args) {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(Stream.concat(Stream.of("eval"), Stream.of(args)).toArray(String[]::new));
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }

    private static double pairwiseF1(String table) {
        Matcher m = PAIRWISE.matcher(table);
        assertThat(m.find()).as("a pairwise stories line in%n%s", table).isTrue();
        return Double.parseDouble(m.group(3));
    }

    @Test
    void shouldScoreTheNewsCorpusAboveItsFloors() {
        Run run = eval("--min-story-f1", "0.91", "--min-entity-f1", "0.92", "--min-tone", "0.73",
                SHARED.resolve("corpora/news").toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("corpus news: 139 articles, 0 failed")
                .containsPattern("entities: +P=[\\d.]+ R=[\\d.]+ F1=[\\d.]+ \\(TP \\d+, FP \\d+, FN \\d+; 38 articles\\)")
                .containsPattern("entities \\[de\\]: ")
                .containsPattern("tone: +accuracy=[\\d.]+ \\(\\d+/139\\)")
                .contains("gold \\ predicted")
                .containsPattern("stories: BCubed P=[\\d.]+ R=[\\d.]+ F1=[\\d.]+")
                .containsPattern("stories: \\d+ found, 60 in the gold \\(139 articles\\)")
                .containsPattern("stories across languages: pairwise P=[\\d.]+ R=[\\d.]+")
                .containsPattern("stories, replayed live \\(ingested at publication times\\): pairwise P=[\\d.]+ R=[\\d.]+ "
                        + "F1=[\\d.]+, BCubed F1=[\\d.]+, \\d+ found; across languages P=[\\d.]+ R=[\\d.]+")
                .contains("duplicates: 4/4 found, 0 missed");
        assertThat(run.err()).as("progress on stderr").contains("eval news: 139/139");
    }

    @Test
    void shouldScoreEcbPlusStoriesAboveTheirFloor() {
        Run run = eval("--min-story-f1", "0.87", SHARED.resolve("corpora/ecbplus").toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("corpus ecbplus: 772 articles, 0 failed")
                .containsPattern("stories: \\d+ found, 66 in the gold \\(772 articles\\)")
                .doesNotContain("entities:");
        assertThat(pairwiseF1(run.out())).isGreaterThanOrEqualTo(0.87);
    }

    @Test
    void shouldPrintTheSeedsEntitiesToneAndStoryAndFailBelowAFloor() {
        Path gold = SHARED.resolve("gold/seeds-entities.json");
        Run run = eval("--min-entity-f1", "0.93", "--min-entity-precision", "0.92", "--min-tone", "1.0",
                "--min-story-f1", "1.0", gold.toString(), "../seeds");
        Run tooHigh = eval("--min-story-f1", "1.01", gold.toString(), "../seeds");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("tone:            accuracy=1.000 (5/5)")
                .contains("stories: 1 found, 1 in the gold (5 articles)")
                .contains("overall (micro)");
        assertThat(tooHigh.exitCode()).isEqualTo(1);
        assertThat(tooHigh.err()).contains("pairwise story F1 1.000 is below the floor 1.010");
    }

    @Test
    void shouldNotOfferKafkaSettingsInItsHelp() {
        Run run = eval("--help");

        assertThat(run.out()).contains("--min-story-f1").contains("--config").doesNotContain("--bootstrap-server");
    }
}
