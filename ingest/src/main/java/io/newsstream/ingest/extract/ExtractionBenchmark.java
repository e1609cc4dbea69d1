package io.newsstream.ingest.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The article-extraction benchmark as it lies on disk ({@code ground-truth.json} mapping each key to
 * {@code {"articleBody", "url"}}, and {@code html/<key>.html.gz}), and a {@link PageExtractor} run over
 * it, scored by {@link ShingleScore}. One loader for the ingest test and the bench alike.
 */
public final class ExtractionBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_PAGE_BYTES = 64L * 1024 * 1024;

    /** One page: its key, address, the HTML as text and the true article body. */
    public record Page(String key, String url, String html, String truth) {
    }

    /** One page's extracted text and its score. */
    public record Scored(Page page, String extracted, ShingleScore.Counts counts) {

        public double f1() {
            double p = ShingleScore.precision(counts);
            double r = ShingleScore.recall(counts);
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    /** The whole run: the benchmark's scores and each page's. */
    public record Run(ShingleScore.Result score, List<Scored> pages) {
    }

    private ExtractionBenchmark() {
    }

    /** Reads every page of the benchmark at {@code dir}, in the ground truth's order. */
    public static List<Page> load(Path dir) throws IOException {
        JsonNode truth = JSON.readTree(dir.resolve("ground-truth.json").toFile());
        List<Page> pages = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = truth.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Path file = dir.resolve("html").resolve(e.getKey() + ".html.gz");
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = PageBytes.gunzip(in, MAX_PAGE_BYTES);
            }
            pages.add(new Page(e.getKey(), e.getValue().path("url").asText(null), PageBytes.decode(bytes, null),
                    e.getValue().path("articleBody").asText("")));
        }
        return pages;
    }

    /** Extracts every page and scores it against its true body. */
    public static Run run(PageExtractor extractor, List<Page> pages) {
        List<Scored> scored = new ArrayList<>(pages.size());
        List<ShingleScore.Counts> counts = new ArrayList<>(pages.size());
        for (Page page : pages) {
            String text = extractor.extract(page.html(), page.url()).text();
            ShingleScore.Counts c = ShingleScore.match(page.truth(), text);
            scored.add(new Scored(page, text, c));
            counts.add(c);
        }
        return new Run(ShingleScore.aggregate(counts), scored);
    }

    /**
     * Writes a run's texts as {@code evaluate.py} reads them ({@code {key: {"articleBody": ...}}}), so the
     * benchmark's own scorer can check the figure.
     */
    public static void writePredictions(Run run, Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        for (Scored s : run.pages()) {
            root.putObject(s.page().key()).put("articleBody", s.extracted());
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
    }
}
