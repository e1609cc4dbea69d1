package io.newsstream.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstream.common.config.NewsstreamConfig;
import io.newsstream.common.model.RawArticle;
import io.newsstream.ingest.publish.ArticleSink;
import io.newsstream.ingest.publish.PrintingSink;
import io.newsstream.ingest.publish.SeenIds;
import io.newsstream.ingest.read.ArticleReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestorTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private final ArticleReader reader = ArticleReader.create(NewsstreamConfig.defaults());
    private final StringWriter err = new StringWriter();
    private final AtomicLong nanos = new AtomicLong();
    private final Reporter reporter = new Reporter(new PrintWriter(err), nanos::get, true);

    private static Path folder(Path dir) throws IOException {
        Files.writeString(dir.resolve("a.txt"), "A story about the river port and its new cranes.");
        Files.writeString(dir.resolve("b.json"), "{\"text\": \"A story about the airport and its new runway.\"}");
        Files.writeString(dir.resolve("c.jsonl"), "{\"text\": \"A story about the station.\"}\n{\"text\": \"\"}\n"
                + "{\"text\": \"A story about the river port and its new cranes.\"}\n");
        Files.writeString(dir.resolve("d.json"), "not json");
        return dir;
    }

    @Test
    void shouldPublishNewArticlesSkipDuplicatesAndCountRejections(@TempDir Path dir) throws IOException {
        MemorySink sink = new MemorySink();

        IngestStats.Totals t = new Ingestor(reader, sink, reporter).ingest(List.of(folder(dir)), TIMEOUT);

        assertThat(t).isEqualTo(new IngestStats.Totals(4, 3, 1, 2, 0));
        assertThat(t.summary()).isEqualTo("published 3, skipped 1 duplicate, rejected 2");
        assertThat(sink.published()).hasSize(3);
        assertThat(err.toString()).contains("rejected " + dir.resolve("c.jsonl") + ":2: no text")
                .contains("rejected " + dir.resolve("d.json") + ": not JSON");
    }

    @Test
    void shouldPublishNothingNewOnASecondRunOverTheSameFolder(@TempDir Path dir) throws IOException {
        MemorySink sink = new MemorySink();
        new Ingestor(reader, sink, reporter).ingest(List.of(folder(dir)), TIMEOUT);

        IngestStats.Totals second = new Ingestor(reader, sink, reporter).ingest(List.of(dir), TIMEOUT);

        assertThat(second.published()).isZero();
        assertThat(second.duplicates()).isEqualTo(4);
        assertThat(sink.published()).hasSize(3);
    }

    @Test
    void shouldCountAndReportArticlesThatCannotBePublished(@TempDir Path dir) throws IOException {
        MemorySink sink = new MemorySink();
        sink.failing(true);

        IngestStats.Totals t = new Ingestor(reader, sink, reporter).ingest(List.of(folder(dir)), TIMEOUT);

        assertThat(t.failed()).isEqualTo(4);
        assertThat(t.summary()).endsWith(", failed 4");
        assertThat(err.toString()).contains("failed " + dir.resolve("a.txt") + " (article ").contains("broker down");
    }

    @Test
    void shouldPrintAProgressLineAtMostEveryTwoSeconds() throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            lines.append("{\"text\": \"Story number ").append(i).append(" about the weather.\"}\n");
        }
        MemorySink memory = new MemorySink();
        // each article published moves the clock by half a second
        ArticleSink slow = new ArticleSink() {
            @Override
            public CompletableFuture<Outcome> publish(RawArticle article) {
                nanos.addAndGet(Duration.ofMillis(500).toNanos());
                return memory.publish(article);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        new Ingestor(reader, slow, reporter).ingestJsonLines(
                new ByteArrayInputStream(lines.toString().getBytes(StandardCharsets.UTF_8)), "stdin:", TIMEOUT);

        List<String> progress = err.toString().lines().filter(l -> l.contains(" lines, ")).toList();
        assertThat(progress).containsExactly(
                "ingest: 4 lines, 4 published, 0 duplicates, 0 rejected",
                "ingest: 8 lines, 8 published, 0 duplicates, 0 rejected");
    }

    @Test
    void shouldPrintProgressWithinOneLargeJsonLinesFile(@TempDir Path dir) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            lines.append("{\"text\": \"Archive story number ").append(i).append(" about the harbour.\"}\n");
        }
        Path archive = Files.writeString(dir.resolve("archive.jsonl"), lines);
        MemorySink memory = new MemorySink();
        ArticleSink slow = new ArticleSink() {
            @Override
            public CompletableFuture<Outcome> publish(RawArticle article) {
                nanos.addAndGet(Duration.ofMillis(500).toNanos());
                return memory.publish(article);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };

        new Ingestor(reader, slow, reporter).ingest(List.of(archive), TIMEOUT);

        List<String> progress = err.toString().lines().filter(l -> l.contains(" files, ")).toList();
        assertThat(progress).containsExactly(
                "ingest: 0/1 files, 4 published, 0 duplicates, 0 rejected",
                "ingest: 0/1 files, 8 published, 0 duplicates, 0 rejected");
    }

    @Test
    void shouldPrintEachArticleAsOneJsonLineInADryRun(@TempDir Path dir) throws IOException {
        StringWriter out = new StringWriter();
        PrintingSink sink = new PrintingSink(new PrintWriter(out), new SeenIds());

        new Ingestor(reader, sink, reporter).ingest(List.of(folder(dir)), TIMEOUT);

        assertThat(out.toString().lines()).hasSize(3).allSatisfy(l -> assertThat(l).startsWith("{\"schemaVersion\":1,\"id\":"));
    }
}
