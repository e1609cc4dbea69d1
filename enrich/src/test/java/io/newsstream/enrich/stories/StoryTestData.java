package io.newsstream.enrich.stories;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsstream.common.config.NewsstreamConfig;
import io.newsstream.common.model.RawArticle;
import io.newsstream.common.serde.Json;
import io.newsstream.enrich.entities.SeedFiles;
import io.newsstream.ingest.read.ArticleReader;
import io.newsstream.ingest.read.ReadResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The labelled story test set: the five seeds (gold story labels from the shared gold file) and the
 * articles of {@code stories/articles.jsonl} (label in field {@code story}), read through ingest's reader
 * as production reads them.
 */
final class StoryTestData {

    /** One article and its expected story label. */
    record Labelled(RawArticle article, String story, String expectedDuplicateOf, String file) {
    }

    private StoryTestData() {
    }

    /** The seeds in file order with their gold story label. */
    static List<Labelled> seeds() {
        try {
            JsonNode gold = Json.mapper().readTree(SeedFiles.gold().toFile()).get("articles");
            List<Labelled> out = new ArrayList<>();
            ArticleReader reader = ArticleReader.create(NewsstreamConfig.defaults());
            for (ReadResult r : reader.read(SeedFiles.seeds())) {
                String file = Path.of(r.origin()).getFileName().toString();
                out.add(new Labelled(r.article(), gold.get(file).get("story").asText(), null, file));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The written test articles, in file order. */
    static List<Labelled> written() {
        try {
            ArticleReader reader = ArticleReader.create(NewsstreamConfig.defaults());
            List<Labelled> out = new ArrayList<>();
            Path file = Path.of("src/test/resources/stories/articles.jsonl");
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = Json.mapper().readTree(line);
                ReadResult r = reader.readJson(line, node.get("id").asText()).get(0);
                if (!r.isAccepted()) {
                    throw new IllegalStateException(r.describe());
                }
                JsonNode dup = node.get("expectedDuplicateOf");
                out.add(new Labelled(r.article(), node.get("story").asText(), dup == null ? null : dup.asText(),
                        node.get("id").asText()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Pairwise same-story precision, recall and F1 of {@code predicted} against {@code gold} (both by article). */
    static double[] pairwise(Map<String, String> gold, Map<String, String> predicted) {
        List<String> ids = new ArrayList<>(gold.keySet());
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                boolean g = gold.get(ids.get(i)).equals(gold.get(ids.get(j)));
                boolean p = predicted.get(ids.get(i)).equals(predicted.get(ids.get(j)));
                if (g && p) {
                    tp++;
                } else if (p) {
                    fp++;
                } else if (g) {
                    fn++;
                }
            }
        }
        double precision = tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new double[] {precision, recall, f1, tp, fp, fn};
    }

    static Map<String, String> labels(List<Labelled> all) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Labelled l : all) {
            out.put(l.article().id(), l.story());
        }
        return out;
    }

}
