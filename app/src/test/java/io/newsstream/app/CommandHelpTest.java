package io.newsstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every command answers --help with exit code 0, in 80 columns, offering only the options that apply. */
class CommandHelpTest {

    private record Run(int exitCode, String out) {
    }

    private static Run run(String... args) {
        PrintStream stdout = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ingest", "enrich", "sink", "demo", "annotate", "eval", "tail", "topics", "topics create",
            "topics list"})
    void shouldAnswerHelpIn80Columns(String command) {
        List<String> args = new java.util.ArrayList<>(command.isEmpty() ? List.of() : List.of(command.split(" ")));
        args.add("--help");

        Run r = run(args.toArray(String[]::new));

        assertThat(r.exitCode()).as(r.out()).isZero();
        assertThat(r.out()).contains("Usage: newsstream");
        assertThat(r.out().lines()).as("lines of at most 80 columns").allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
    }

    @ParameterizedTest
    @ValueSource(strings = {"annotate", "eval", "demo"})
    void shouldNotOfferABrokerWhereNoneIsUsed(String command) {
        assertThat(run(command, "--help").out()).doesNotContain("--bootstrap-server");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest", "enrich", "sink", "tail", "topics create"})
    void shouldOfferTheBrokerWhereOneIsUsed(String command) {
        List<String> args = new java.util.ArrayList<>(List.of(command.split(" ")));
        args.add("--help");
        assertThat(run(args.toArray(String[]::new)).out()).contains("--bootstrap-server");
    }
}
