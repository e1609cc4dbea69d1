package io.newsstream.app;

import io.newsstream.common.config.NewsstreamConfig;
import io.newsstream.common.model.EnrichedArticle;
import io.newsstream.common.serde.Json;
import io.newsstream.enrich.Enricher;
import io.newsstream.enrich.EnricherFactory;
import io.newsstream.enrich.RejectedArticleException;
import io.newsstream.enrich.stories.OfflineStories;
import io.newsstream.ingest.read.ArticleReader;
import io.newsstream.ingest.read.ReadResult;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code newsstream annotate FILE...}: the enrichment code without Kafka. One JSON object per input
 * article on standard output, in the order given: the EnrichedArticle or {@code {"error": reason}}.
 */
@Command(name = "annotate", mixinStandardHelpOptions = true,
        description = {"Enrich files offline, without Kafka, with the same code as the enrich stage.",
                "Prints one JSON object per article, one per line, in the order given: the enriched article, or "
                        + "{\"error\": \"<reason>\"} for an input that cannot be enriched. Exits 1 if any failed.",
                "A .txt or .json file is one article; a .jsonl file is one article per line; a folder is read recursively.",
                "Stories are assigned across all the files of one call: articles about one event share story.id, and a "
                        + "near-verbatim copy of an earlier article has story.duplicateOf and reuses its enrichment."},
        footer = {"", "Example:", "  newsstream annotate seeds/*.txt > enriched.jsonl"})
public final class AnnotateCommand implements Callable<Integer> {

    @Mixin
    OfflineOptions options;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Article files (.txt, .json, .jsonl) or folders.")
    List<Path> files;

    @Override
    public Integer call() {
        NewsstreamConfig config = options.load();
        List<Outcome> outcomes = annotate(config, files, System.err);
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        for (Outcome o : outcomes) {
            out.println(o.json());
        }
        out.flush();
        return outcomes.stream().allMatch(Outcome::ok) ? 0 : 1;
    }

    /** One input's result: the enriched article, or the reason it failed. */
    record Outcome(String origin, EnrichedArticle article, String error) {
        boolean ok() {
            return article != null;
        }

        String json() {
            try {
                return ok() ? Json.mapper().writeValueAsString(article)
                        : Json.mapper().writeValueAsString(Map.of("error", error));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Reads and enriches every input, in order. Shared by {@code annotate}, {@code eval} and the tests. */
    static List<Outcome> annotate(NewsstreamConfig config, List<Path> inputs, PrintStream log) {
        for (Path p : inputs) {
            if (!Files.exists(p)) {
                throw new UserException("no such file or folder: " + p);
            }
        }
        ArticleReader reader = ArticleReader.create(config);
        log.println("annotate: loading models...");
        Enricher enricher = EnricherFactory.create(config);
        // stories across every file of this call: the same detector and assigner as the enrich stage
        OfflineStories stories = new OfflineStories(config.enrich().storyQuietPeriod(), config.enrich().keepText());
        List<ReadResult> read = new ArrayList<>();
        for (Path p : inputs) {
            read.addAll(reader.read(p));
        }
        List<Outcome> outcomes = new ArrayList<>(read.size());
        Progress progress = new Progress("annotate", read.size(), log);
        for (ReadResult r : read) {
            r.warnings().forEach(w -> log.println("annotate: " + r.origin() + ": " + w));
            if (!r.isAccepted()) {
                outcomes.add(new Outcome(r.origin(), null, r.origin() + ": " + r.error()));
            } else {
                try {
                    outcomes.add(new Outcome(r.origin(), stories.process(r.article(), enricher::enrich), null));
                } catch (RejectedArticleException e) {
                    outcomes.add(new Outcome(r.origin(), null, r.origin() + ": " + e.getMessage()));
                } catch (RuntimeException e) {
                    outcomes.add(new Outcome(r.origin(), null, r.origin() + ": enrichment failed: " + e));
                }
            }
            progress.step();
        }
        progress.done();
        return outcomes;
    }

    /** The enriched articles of {@code outcomes} by the file name they came from (for eval). */
    static Map<String, EnrichedArticle> byFileName(List<Outcome> outcomes) {
        Map<String, EnrichedArticle> out = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            if (o.ok()) {
                out.put(Path.of(o.origin().replaceFirst(":\\d+$", "")).getFileName().toString(), o.article());
            }
        }
        return out;
    }
}
