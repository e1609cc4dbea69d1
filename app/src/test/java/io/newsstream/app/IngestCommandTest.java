package io.newsstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsstream.common.serde.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Which combinations of {@code newsstream ingest}'s inputs run together: PATHs, {@code --http} and
 * {@code --watch} in one process (as docker-compose.yml's ingest service runs it), with
 * {@code --dry-run} so no broker is needed.
 */
class IngestCommandTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)/articles");

    @TempDir
    Path dir;

    private record Run(int exitCode, String out, String err) {
    }

    private static String article(String title, String place) {
        return title + "\n\nThe council of " + place + " said on Tuesday that the work on the new bridge would take two "
                + "years and cost less than first planned, and that the roads nearby would stay open meanwhile.\n";
    }

    @Test
    void shouldLoadPathsThenServeHttpAndWatchAFolderInOneProcessUntilStopped() throws Exception {
        // Given a file named on the command line and an empty folder to watch
        Path given = Files.writeString(dir.resolve("given.txt"), article("Bridge planned in Ashford", "Ashford"));
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        IngestCommand ingest = new IngestCommand();
        StopSignal stop = StopSignal.manual();
        ingest.stopSignal = () -> stop;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine(factoryWith(ingest));
        cli.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));

        // When ingest runs with all three
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> cli.execute("ingest", "--dry-run",
                "--http", "0", "--watch", inbox.toString(), given.toString()));
        try {
            awaitTrue(() -> err.toString().contains("watching " + inbox), "the watcher to start", err, run, DEADLINE);
            Matcher m = LISTENING.matcher(err.toString());
            assertThat(m.find()).as("the endpoint's address in:\n%s", err).isTrue();

            // Then the file was published first, and the endpoint and the watcher both take articles
            assertThat(titles(out)).containsExactly("Bridge planned in Ashford");
            HttpResponse<String> posted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(m.group(1) + "/articles"))
                    .header("Content-Type", "text/plain; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(article("Ferry resumes in Dover", "Dover"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
            Files.writeString(inbox.resolve("dropped.txt"), article("Library reopens in Kendal", "Kendal"));
            awaitTrue(() -> titles(out).size() == 3, "the dropped file to be published", err, run, DEADLINE);
            assertThat(run).as("still running while neither is stopped").isNotDone();
        } finally {
            // When it is asked to stop, as SIGTERM does
            stop.request("SIGTERM");
        }
        int code = run.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);

        // Then it stops cleanly, exit 0, having published each article once
        assertThat(code).as(err.toString()).isZero();
        assertThat(titles(out)).containsExactly("Bridge planned in Ashford", "Ferry resumes in Dover", "Library reopens in Kendal");
        assertThat(err.toString()).contains("stopping (SIGTERM)").contains("published 3, skipped 0 duplicates, rejected 0");
    }

    @Test
    void shouldAcceptTheComposeIngestCommandAndThenAskForTheTokenOnAnOpenAddress() throws IOException {
        Path seeds = Files.createDirectories(dir.resolve("seeds"));

        Run run = run("ingest", "--http", "8080", "--bind", "0.0.0.0", "--watch", seeds.toString());

        // the combination is fine; what stops it here is the missing token, before Kafka is touched
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).doesNotContain("choose one of").contains("ingest.http.token");
    }

    @Test
    void shouldRefuseToRunWithNothingToRead() {
        Run run = run("ingest", "--dry-run");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("nothing to read");
    }

    @Test
    void shouldRefuseBindWithoutHttp() throws IOException {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));

        Run run = run("ingest", "--dry-run", "--bind", "0.0.0.0", "--watch", inbox.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--bind only applies to --http");
    }

    @Test
    void shouldRefuseToWatchAFile() throws IOException {
        Path file = Files.writeString(dir.resolve("one.txt"), article("Bridge planned in Ashford", "Ashford"));

        Run run = run("ingest", "--dry-run", "--http", "0", "--watch", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--watch needs a folder");
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine(CommandLine.defaultFactory());
        cli.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        cli.getSubcommands().values().forEach(c -> c.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** Picocli's default factory, except that {@code ingest} is the given, prepared instance. */
    private static CommandLine.IFactory factoryWith(IngestCommand ingest) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        return new CommandLine.IFactory() {
            @Override
            @SuppressWarnings("unchecked")
            public <K> K create(Class<K> cls) throws Exception {
                return cls == IngestCommand.class ? (K) ingest : defaults.create(cls);
            }
        };
    }

    /** The titles of the records printed so far, in order. */
    private static List<String> titles(StringWriter out) {
        return Stream.of(out.toString().split("\n")).filter(l -> !l.isBlank()).map(l -> {
            try {
                JsonNode n = Json.mapper().readTree(l);
                return n.path("title").asText();
            } catch (IOException e) {
                throw new AssertionError("not a JSON line: " + l, e);
            }
        }).toList();
    }

    /** Polls {@code condition} on a running ingest command's output until {@code deadline}; fails early if it ends. */
    static void awaitTrue(BooleanSupplier condition, String what, StringWriter err, CompletableFuture<Integer> run,
                          Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (run.isDone()) {
                throw new AssertionError("ingest ended (" + run.join() + ") while waiting for " + what + "; it printed:\n" + err);
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("no " + what + " within " + deadline + "; ingest printed:\n" + err);
            }
            TimeUnit.MILLISECONDS.sleep(50); // polling the command's output, not waiting for Kafka
        }
    }
}
