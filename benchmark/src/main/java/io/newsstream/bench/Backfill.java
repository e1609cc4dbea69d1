package io.newsstream.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsstream.common.model.RawArticle;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The backfill step of the bench: a JSON-lines archive of generated articles, ingested by the real
 * {@code newsstream ingest} command (the shaded jar, in a child JVM with a small fixed heap) into a
 * topic of its own on the bench's broker. Measures articles/s from process start to exit and the largest
 * heap occupancy the collector left after any collection (from the child's GC log), which must stay under
 * the heap it was given; an out-of-memory error ends the child at once
 * ({@code -XX:+ExitOnOutOfMemoryError}), so a completed run proves the bound.
 */
final class Backfill {

    /** Heap the ingest child runs in. */
    static final int HEAP_MIB = 256;
    /** Characters of a generated archive article (a short news item). */
    static final int ARTICLE_CHARS = 1_200;

    private static final Pattern AFTER_GC = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
    private static final Pattern SUMMARY = Pattern.compile("^ingest: published (\\d+),");

    private Backfill() {
    }

    /**
     * Writes {@code count} articles without ids (ingest derives them from the text, as for any archive
     * without ids) to {@code file}, one JSON object a line, streaming: the archive is never in memory.
     */
    static long writeArchive(Corpus corpus, int count, Path file, PrintStream progress) throws IOException {
        ObjectMapper json = new ObjectMapper();
        long bytes = 0;
        long t0 = System.nanoTime();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            int batch = 1_000;
            for (int start = 0; start < count; start += batch) {
                int n = Math.min(batch, count - start);
                for (RawArticle a : corpus.variants(n, ARTICLE_CHARS, 7_000L + start)) {
                    ObjectNode o = json.createObjectNode();
                    o.put("title", a.title());
                    o.putObject("source").put("name", "bench-archive");
                    if (a.publishedAt() != null) {
                        o.put("publishedAt", a.publishedAt().toString());
                    }
                    o.put("text", a.text());
                    String line = json.writeValueAsString(o);
                    w.write(line);
                    w.write('\n');
                    bytes += line.length() + 1;
                }
                if ((start / batch) % 200 == 199) {
                    progress.printf("bench: backfill archive: %,d of %,d articles written%n", start + n, count);
                }
            }
        }
        progress.printf("bench: backfill archive: %,d articles, %,d MB, written in %.0f s%n", count, bytes >> 20,
                (System.nanoTime() - t0) / 1e9);
        return bytes;
    }

    /**
     * Runs {@code java -Xmx256m -jar appJar ingest archive} against {@code bootstrap}, publishing to
     * {@code topic}, and returns the figures: {@code articles}, {@code published}, {@code seconds},
     * {@code rate}, {@code heapAfterGcMiB}, {@code exit}.
     */
    static Map<String, Object> run(Path appJar, Path archive, int count, String bootstrap, String topic, Path work,
                                   Path logFile, PrintStream progress) throws IOException, InterruptedException {
        Path gcLog = work.resolve("backfill-gc.log");
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + HEAP_MIB + "m", "-XX:+ExitOnOutOfMemoryError", "-Xlog:gc:file=" + gcLog,
                "-jar", appJar.toString(), "ingest", "--quiet", "--no-lookback",
                "--bootstrap-server", bootstrap, "--set", "topic.raw.name=" + topic, archive.toString()));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectError(ProcessBuilder.Redirect.PIPE)
                .start();
        long published = -1;
        String last = "";
        try (var err = p.errorReader(StandardCharsets.UTF_8)) {
            String line;
            while ((line = err.readLine()) != null) {
                last = line;
                progress.println("bench: backfill ingest: " + line);
                Matcher m = SUMMARY.matcher(line);
                if (m.find()) {
                    published = Long.parseLong(m.group(1));
                }
            }
        }
        if (!p.waitFor(2, TimeUnit.HOURS)) {
            p.destroyForcibly();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        int heapAfterGc = 0;
        int heapMax = 0;
        if (Files.exists(gcLog)) {
            for (String line : Files.readAllLines(gcLog, StandardCharsets.UTF_8)) {
                Matcher m = AFTER_GC.matcher(line);
                if (m.find()) {
                    heapAfterGc = Math.max(heapAfterGc, Integer.parseInt(m.group(2)));
                    heapMax = Math.max(heapMax, Integer.parseInt(m.group(3)));
                }
            }
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("articles", count);
        r.put("published", published);
        r.put("seconds", seconds);
        r.put("rate", published > 0 ? published / seconds : Double.NaN);
        r.put("heapAfterGcMiB", heapAfterGc);
        r.put("heapCommittedMiB", heapMax);
        r.put("exit", p.exitValue());
        r.put("lastLine", last);
        return r;
    }
}
