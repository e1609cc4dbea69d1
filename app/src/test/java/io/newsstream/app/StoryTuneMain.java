package io.newsstream.app;

import io.newsstream.common.config.NewsstreamConfig;
import io.newsstream.common.model.EnrichedArticle;
import io.newsstream.common.model.RawArticle;
import io.newsstream.enrich.Enricher;
import io.newsstream.enrich.EnricherFactory;
import io.newsstream.enrich.eval.CorpusEvaluation;
import io.newsstream.enrich.eval.LabelledCorpus;
import io.newsstream.enrich.stories.OfflineStories;
import io.newsstream.enrich.stories.StoryAssigner;
import io.newsstream.ingest.read.ArticleReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Measures story assignment over a grid of its weights on labelled corpora, each article enriched once:
 * {@code java -cp app/target/newsstream.jar:app/target/test-classes io.newsstream.app.StoryTuneMain DIR...}.
 * A measurement tool, not a test: it prints pairwise and BCubed F1 per setting and corpus.
 */
public final class StoryTuneMain {

    public static void main(String[] args) {
        NewsstreamConfig config = NewsstreamConfig.defaults();
        ArticleReader reader = ArticleReader.create(config);
        Enricher enricher = EnricherFactory.create(config);
        List<LabelledCorpus> corpora = new ArrayList<>();
        for (String a : args) {
            if (a.equals("seeds")) {
                corpora.add(LabelledCorpus.files(Path.of("../shared/gold/seeds-entities.json"), List.of(Path.of("seeds")),
                        p -> EvalCommand.read(reader, p)));
                continue;
            }
            corpora.add(LabelledCorpus.folder(Path.of(a), p -> EvalCommand.read(reader, p)));
        }
        Map<String, EnrichedArticle> cache = new HashMap<>();
        Function<RawArticle, EnrichedArticle> enrich = raw -> cache.computeIfAbsent(raw.id(), id -> enricher.enrich(raw));
        if (Boolean.getBoolean("tune.show")) {
            for (LabelledCorpus c : corpora) {
                show(c, enrich);
            }
            return;
        }
        double[] thresholds = doubles("tune.thresholds", "0.15,0.2,0.25,0.3");
        double[] floors = doubles("tune.floors", "0.3,0.5,0.7");
        String[] scales = System.getProperty("tune.scales", "none,P3D,P7D").split(",");
        String[] quiets = System.getProperty("tune.quiet", "P3D").split(",");
        for (String quiet : quiets) {
            for (String scale : scales) {
                for (double floor : floors) {
                    for (double th : thresholds) {
                        Duration ts = scale.equals("none") ? null : Duration.parse(scale);
                        StringBuilder line = new StringBuilder(String.format("quiet=%s scale=%s floor=%.2f th=%.2f", quiet, scale, floor, th));
                        for (LabelledCorpus c : corpora) {
                            OfflineStories stories = new OfflineStories(Duration.parse(quiet), true,
                                    new StoryAssigner.Settings(th, floor, ts, Double.parseDouble(System.getProperty("tune.cross", "1.0")), Integer.getInteger("tune.prior", StoryAssigner.Settings.DEFAULT.priorDocuments())));
                            CorpusEvaluation.Result r = CorpusEvaluation.run(c, enrich, stories, () -> { });
                            line.append(String.format("  %s P=%.3f R=%.3f F1=%.3f B3=%.3f n=%d", c.name(), r.stories().precision(),
                                    r.stories().recall(), r.stories().f1(), r.stories().bcubedF1(), r.stories().predictedStories()));
                        }
                        System.out.println(line);
                    }
                }
            }
        }
    }

    /** Prints each gold story's articles with the story each was given (the default settings). */
    private static void show(LabelledCorpus c, Function<RawArticle, EnrichedArticle> enrich) {
        OfflineStories stories = new OfflineStories(Duration.ofDays(3), true);
        Map<String, List<String>> byGold = new java.util.TreeMap<>();
        for (LabelledCorpus.Item item : c.items()) {
            EnrichedArticle out = stories.process(item.article(), enrich);
            if (item.story() == null) {
                continue;
            }
            String title = out.title() == null ? "" : out.title();
            byGold.computeIfAbsent(item.story(), k -> new ArrayList<>()).add(String.format("%-28s %s %s %.3f %s",
                    out.story().id().length() > 28 ? out.story().id().substring(0, 28) : out.story().id(), out.language(),
                    item.article().publishedAt(), out.story().similarity(), title.length() > 70 ? title.substring(0, 70) : title));
        }
        byGold.forEach((gold, lines) -> {
            if (lines.stream().map(l -> l.substring(0, 28)).distinct().count() > 1) {
                System.out.println("== " + gold);
                lines.forEach(l -> System.out.println("   " + l));
            }
        });
    }

    private static double[] doubles(String property, String otherwise) {
        String[] parts = System.getProperty(property, otherwise).split(",");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Double.parseDouble(parts[i]);
        }
        return out;
    }
}
