package io.newsstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command and its --follow form, run as a user runs them: the shaded jar in its own
 * process, its own in-process broker. With --follow, one article is fed with the ingest command it prints
 * and read back with the tail command it prints; then Ctrl-C (SIGINT) stops it with exit code 0.
 */
class DemoIT {

    private static final Path JAR = Path.of("target", "newsstream.jar").toAbsolutePath();
    private static final Duration DEADLINE = Duration.ofMinutes(4);

    private static Process start(Path dir, Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("java", "-Xmx1500m", "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static String awaitOutput(Process p, Path log, String text, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String out = Files.readString(log, StandardCharsets.UTF_8);
            if (out.contains(text)) {
                return out;
            }
            if (!p.isAlive()) {
                throw new AssertionError("exited " + p.exitValue() + " before printing '" + text + "':\n" + out);
            }
            p.waitFor(200, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("no '" + text + "' within " + timeout + ":\n" + Files.readString(log, StandardCharsets.UTF_8));
    }

    private static List<String> args(String line) {
        String command = line.strip().replaceFirst("^java -jar app/target/newsstream.jar ", "");
        return List.of(command.split(" +"));
    }

    @Test
    void shouldRunTheDemoOverTheSeedsAndExit0(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("demo.log");
        Process demo = start(Path.of("..").toAbsolutePath(), log, "demo");

        assertThat(demo.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(demo.exitValue()).as(out).isZero();
        assertThat(out).contains("1 story:").contains("5 articles, 0 copies").contains("tone negative");
    }

    @Test
    void shouldFollowUntilCtrlCAndTakeAnArticleFedWithThePrintedCommands(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("follow.log");
        Process demo = start(Path.of("..").toAbsolutePath(), log, "demo", "--follow");
        try {
            String out = awaitOutput(demo, log, "tail dashboard.entities --bootstrap-server", DEADLINE);
            Matcher ingestLine = Pattern.compile("(?m)^ *(java -jar app/target/newsstream.jar ingest .*) my-article.txt$").matcher(out);
            Matcher tailLine = Pattern.compile("(?m)^ *(java -jar app/target/newsstream.jar tail --bootstrap-server \\S+)$").matcher(out);
            assertThat(ingestLine.find()).as(out).isTrue();
            assertThat(tailLine.find()).as(out).isTrue();

            Path article = Files.writeString(dir.resolve("my-article.txt"), "Tram line to the harbour opens\n\n"
                    + "The new tram line to the harbour opened on Saturday after three years of works, the city's transport "
                    + "authority said. Mayor Ana Costa rode the first tram with residents of the district.\n");
            List<String> ingest = new ArrayList<>(args(ingestLine.group(1)));
            ingest.add(article.toString());
            Path ingestLog = dir.resolve("ingest.log");
            Process feed = start(dir, ingestLog, ingest.toArray(String[]::new));
            assertThat(feed.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(feed.exitValue()).as(Files.readString(ingestLog)).isZero();
            assertThat(Files.readString(ingestLog)).contains("published 1");

            Path tailLog = dir.resolve("tail.log");
            Process tail = start(dir, tailLog, args(tailLine.group(1)).toArray(String[]::new));
            try {
                assertThat(awaitOutput(tail, tailLog, "Tram line to the harbour opens", DEADLINE)).contains("story st_");
            } finally {
                tail.destroy();
                tail.waitFor(30, TimeUnit.SECONDS);
            }

            new ProcessBuilder("kill", "-INT", Long.toString(demo.pid())).start().waitFor();
            assertThat(demo.waitFor(2, TimeUnit.MINUTES)).as("stopped after Ctrl-C").isTrue();
            assertThat(demo.exitValue()).as(Files.readString(log)).isZero();
            assertThat(Files.readString(log)).contains("stopping (SIGINT)");
        } finally {
            demo.destroyForcibly();
        }
    }
}
