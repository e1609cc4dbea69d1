package io.newsstream.app;

import io.newsstream.common.config.NewsstreamConfig;
import io.newsstream.common.model.EnrichedArticle;
import io.newsstream.common.model.RawArticle;
import io.newsstream.common.serde.Json;
import io.newsstream.enrich.Enricher;
import io.newsstream.enrich.EnricherFactory;
import io.newsstream.enrich.eval.CorpusEvaluation;
import io.newsstream.enrich.eval.LabelledCorpus;
import io.newsstream.enrich.stories.OfflineStories;
import io.newsstream.enrich.stories.StoryAssigner;
import io.newsstream.ingest.read.ArticleReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Measures story assignment over a grid of its weights on labelled corpora, each article enriched once:
 * {@code java -cp app/target/newsstream.jar:app/target/test-classes io.newsstream.app.StoryTuneMain DIR...}.
 * A measurement tool, not a test: it prints pairwise and BCubed F1, stories found and same-story recall and
 * precision across languages ({@code xR}, {@code xP}) per setting and corpus.
 *
 * <p>{@code -Dtune.cache=FILE} keeps the enriched articles in FILE (JSON lines; put it outside the
 * repository, it holds corpus text): the first run writes it, later runs read it and load no model, so a
 * run of a few settings takes seconds. {@code -Dtune.show=true} prints the gold stories that were split,
 * under the first grid point's settings; with {@code -Dtune.dump=FILE} it also appends
 * {@code key, gold story, story, similarity} per article to FILE. The grid: {@code tune.thresholds},
 * {@code tune.floors}, {@code tune.scales}, {@code tune.quiet}, and the late tier's {@code tune.late.horizons}
 * ({@code none} for no late tier) and {@code tune.late.thresholds} (default: the product's), and
 * {@code tune.year.factors} (the later-year factor, 1 for none; default: the product's) and {@code tune.sameyear.factors}
 * (the same-year factor, 1 for none; default: the product's); with
 * {@code -Dtune.dumpdir=DIR} every grid point also writes such a file per corpus into DIR.
 */
public final class StoryTuneMain {

    public static void main(String[] args) {
        NewsstreamConfig config = NewsstreamConfig.defaults();
        ArticleReader reader = ArticleReader.create(config);
        List<LabelledCorpus> corpora = new ArrayList<>();
        for (String a : args) {
            if (a.equals("seeds")) {
                corpora.add(LabelledCorpus.files(Path.of("../shared/gold/seeds-entities.json"), List.of(Path.of("seeds")),
                        p -> EvalCommand.read(reader, p)));
                continue;
            }
            corpora.add(LabelledCorpus.folder(Path.of(a), p -> EvalCommand.read(reader, p)));
        }
        String cacheFile = System.getProperty("tune.cache");
        Map<String, EnrichedArticle> cache = cacheFile == null ? new HashMap<>() : readCache(Path.of(cacheFile));
        boolean fresh = cache.isEmpty();
        // the models load only when an article is not in the cache
        Enricher[] enricher = new Enricher[1];
        Function<RawArticle, EnrichedArticle> enrich = raw -> cache.computeIfAbsent(raw.id(), id -> {
            if (enricher[0] == null) {
                enricher[0] = EnricherFactory.create(config);
            }
            return enricher[0].enrich(raw);
        });
        if (cacheFile != null && fresh) {
            corpora.forEach(c -> c.items().forEach(item -> enrich.apply(item.article())));
            writeCache(Path.of(cacheFile), cache);
        }
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
        StoryAssigner.Settings defaults = StoryAssigner.Settings.DEFAULT;
        String[] horizons = System.getProperty("tune.late.horizons",
                defaults.lateHorizon() == null ? "none" : defaults.lateHorizon().toString()).split(",");
        double[] lateThresholds = doubles("tune.late.thresholds", Double.toString(defaults.lateThreshold()));
        String dumpDir = System.getProperty("tune.dumpdir");
        double[] yearFactors = doubles("tune.year.factors", Double.toString(defaults.laterYearFactor()));
        double[] sameYearFactors = doubles("tune.sameyear.factors", Double.toString(defaults.sameYearFactor()));
        List<String> points = new ArrayList<>();
        List<StoryAssigner.Settings> grid = new ArrayList<>();
        List<Duration> quietPeriods = new ArrayList<>();
        for (double sameYear : sameYearFactors) {
            for (double yearFactor : yearFactors) {
                for (String horizon : horizons) {
                    for (double lateTh : lateThresholds) {
                        for (String quiet : quiets) {
                            for (String scale : scales) {
                                for (double floor : floors) {
                                    for (double th : thresholds) {
                                        Duration ts = scale.equals("none") ? null : Duration.parse(scale);
                                        grid.add(settings(th, floor, ts).withLate(horizon.equals("none") ? null : Duration.parse(horizon), lateTh)
                                                .withLaterYearFactor(yearFactor).withSameYearFactor(sameYear));
                                        quietPeriods.add(Duration.parse(quiet));
                                        points.add(String.format("sameyear=%.2f year=%.2f late=%s lth=%.2f quiet=%s scale=%s floor=%.2f th=%.2f",
                                                sameYear, yearFactor, horizon, lateTh, quiet, scale, floor, th));
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        for (int p = 0; p < grid.size(); p++) {
            StringBuilder line = new StringBuilder(points.get(p));
            for (LabelledCorpus c : corpora) {
                if (dumpDir != null) {
                    dump(c, enrich, new OfflineStories(quietPeriods.get(p), true, grid.get(p)),
                            Path.of(dumpDir, Path.of(c.name()).getFileName() + " " + points.get(p).replace(' ', '_')));
                }
                OfflineStories stories = new OfflineStories(quietPeriods.get(p), true, grid.get(p));
                CorpusEvaluation.Result r = CorpusEvaluation.run(c, enrich, stories, () -> { });
                line.append(String.format("  %s P=%.3f R=%.3f F1=%.3f B3=%.3f n=%d xR=%.3f xP=%.3f", c.name(), r.stories().precision(),
                        r.stories().recall(), r.stories().f1(), r.stories().bcubedF1(), r.stories().predictedStories(),
                        r.crossLanguage().recall(), r.crossLanguage().precision()));
            }
            System.out.println(line);
        }
    }

    /** Writes {@code key, gold story, story, similarity} per labelled article of {@code c} to {@code file}. */
    private static void dump(LabelledCorpus c, Function<RawArticle, EnrichedArticle> enrich, OfflineStories stories, Path file) {
        StringBuilder rows = new StringBuilder();
        for (LabelledCorpus.Item item : c.items()) {
            EnrichedArticle out = stories.process(item.article(), enrich);
            if (item.story() != null) {
                rows.append(item.goldKey()).append('\t').append(item.story()).append('\t')
                        .append(out.story().id()).append('\t').append(out.story().similarity()).append('\n');
            }
        }
        try {
            Files.writeString(file, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The settings of one grid point, with the default late tier ({@code tune.late.horizons}, {@code tune.late.thresholds} vary it). */
    private static StoryAssigner.Settings settings(double threshold, double floor, Duration timeScale) {
        return new StoryAssigner.Settings(threshold, floor, timeScale, Double.parseDouble(System.getProperty("tune.cross", "1.0")),
                Integer.getInteger("tune.prior", StoryAssigner.Settings.DEFAULT.priorDocuments()));
    }

    private static Map<String, EnrichedArticle> readCache(Path file) {
        Map<String, EnrichedArticle> out = new HashMap<>();
        if (!Files.exists(file)) {
            return out;
        }
        try {
            for (String line : Files.readAllLines(file)) {
                EnrichedArticle a = Json.mapper().readValue(line, EnrichedArticle.class);
                out.put(a.id(), a);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static void writeCache(Path file, Map<String, EnrichedArticle> cache) {
        try {
            List<String> lines = new ArrayList<>();
            for (EnrichedArticle a : cache.values()) {
                lines.add(Json.mapper().writeValueAsString(a));
            }
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Prints each split gold story's articles with the story each was given (the first grid point's settings). */
    private static void show(LabelledCorpus c, Function<RawArticle, EnrichedArticle> enrich) {
        String scale = System.getProperty("tune.scales", "P7D").split(",")[0];
        OfflineStories stories = new OfflineStories(Duration.parse(System.getProperty("tune.quiet", "P3D").split(",")[0]), true,
                settings(doubles("tune.thresholds", "0.25")[0], doubles("tune.floors", "0.7")[0],
                        scale.equals("none") ? null : Duration.parse(scale)));
        String dump = System.getProperty("tune.dump");
        Map<String, List<String>> byGold = new TreeMap<>();
        for (LabelledCorpus.Item item : c.items()) {
            EnrichedArticle out = stories.process(item.article(), enrich);
            if (item.story() == null) {
                continue;
            }
            if (dump != null) {
                try {
                    Files.writeString(Path.of(dump), item.goldKey() + "\t" + item.story() + "\t" + out.story().id() + "\t"
                            + out.story().similarity() + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
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
