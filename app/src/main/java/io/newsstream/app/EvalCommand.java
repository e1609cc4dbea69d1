package io.newsstream.app;

import io.newsstream.common.config.NewsstreamConfig;
import io.newsstream.enrich.Enricher;
import io.newsstream.enrich.EnricherFactory;
import io.newsstream.enrich.eval.CorpusEvaluation;
import io.newsstream.enrich.eval.EntityEvaluator;
import io.newsstream.enrich.eval.LabelledCorpus;
import io.newsstream.enrich.stories.OfflineStories;
import io.newsstream.ingest.read.ArticleReader;
import io.newsstream.ingest.read.ReadResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code newsstream eval DIR...} and {@code newsstream eval GOLD FILE...}: scores entities, tone, stories
 * and near-duplicates on labelled articles, streamed through the enrich stage's code without Kafka.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Score enrichment on labelled articles: entities, tone, stories and near-duplicates.",
                "DIR is a corpus folder (articles.jsonl + labels.json, as ../shared/corpora/*); or give a GOLD file "
                        + "(as ../shared/gold/seeds-entities.json) and the article FILEs it describes by file name.",
                "Articles are streamed in publishedAt order (undated ones after, in file order) through the enrich stage's "
                        + "copy detection, enrichment and story assignment, ingested one second apart as `newsstream ingest` "
                        + "of the file would (the story step's time rules see publication times). Never talks to Kafka.",
                "Prints one table per corpus: entities (typed, alias-aware, optional ones neither rewarded nor penalised; "
                        + "micro P/R/F1, and by language), tone (accuracy, confusion matrix), stories (pairwise and BCubed "
                        + "P/R/F1, stories found against the gold; and a live replay's, each article ingested at its "
                        + "publication time, undated ones last, so stories expire between publications) and duplicates "
                        + "found/missed.",
                "Exits 1 when a --min-* floor is not reached by every corpus."},
        footer = {"", "Examples:", "  newsstream eval ../shared/corpora/news ../shared/corpora/ecbplus",
                "  newsstream eval --min-story-f1 0.9 ../shared/corpora/ecbplus",
                "  newsstream eval --min-entity-f1 0.93 --min-entity-precision 0.92 ../shared/gold/seeds-entities.json seeds/"})
public final class EvalCommand implements Callable<Integer> {

    @Mixin
    OfflineOptions options;

    @Parameters(arity = "1..*", paramLabel = "DIR|GOLD FILE...",
            description = "Corpus folders; or a gold file followed by the article files or folders it labels.")
    List<Path> inputs;

    @Option(names = {"--min-entity-f1", "--min-f1"}, paramLabel = "F1", description = "Exit 1 when entity F1 is below this.")
    Double minEntityF1;

    @Option(names = {"--min-entity-precision", "--min-precision"}, paramLabel = "P",
            description = "Exit 1 when entity precision is below this.")
    Double minEntityPrecision;

    @Option(names = "--min-tone", paramLabel = "ACCURACY", description = "Exit 1 when tone accuracy is below this (0..1).")
    Double minTone;

    @Option(names = "--min-story-f1", paramLabel = "F1", description = "Exit 1 when pairwise story F1 is below this.")
    Double minStoryF1;

    @Option(names = "--min-bcubed-f1", paramLabel = "F1", description = "Exit 1 when BCubed story F1 is below this.")
    Double minBcubedF1;

    @Option(names = "--details", description = "Also print each scored article's entity score and its false positives and negatives"
            + " (always on for a gold file and its files).")
    boolean details;

    @Override
    public Integer call() {
        NewsstreamConfig config = options.load();
        List<LabelledCorpus> corpora = corpora(config);
        System.err.println("eval: loading models...");
        Enricher enricher = EnricherFactory.create(config);
        boolean ok = true;
        for (LabelledCorpus corpus : corpora) {
            Progress progress = new Progress("eval " + corpus.name(), corpus.items().size(), System.err);
            CorpusEvaluation.Result r = CorpusEvaluation.run(corpus, enricher::enrich, stories(config), stories(config),
                    progress::step);
            progress.done();
            System.out.print(CorpusEvaluation.format(r));
            if (details || isGoldFile()) {
                System.out.print(EntityEvaluator.format(r.entities()));
            }
            System.out.println();
            ok &= floors(r);
        }
        System.out.flush();
        return ok ? 0 : 1;
    }

    private static OfflineStories stories(NewsstreamConfig config) {
        return new OfflineStories(config.enrich().storyQuietPeriod(), config.enrich().keepText());
    }

    private boolean isGoldFile() {
        return Files.isRegularFile(inputs.get(0));
    }

    private List<LabelledCorpus> corpora(NewsstreamConfig config) {
        ArticleReader reader = ArticleReader.create(config);
        LabelledCorpus.ArticleFiles files = p -> read(reader, p);
        List<LabelledCorpus> out = new ArrayList<>();
        if (isGoldFile()) {
            if (inputs.size() < 2) {
                throw new UserException("give the article files after the gold file " + inputs.get(0));
            }
            for (Path p : inputs.subList(1, inputs.size())) {
                if (!Files.exists(p)) {
                    throw new UserException("no such file or folder: " + p);
                }
            }
            out.add(load(() -> LabelledCorpus.files(inputs.get(0), inputs.subList(1, inputs.size()), files)));
            return out;
        }
        for (Path dir : inputs) {
            if (!LabelledCorpus.isCorpus(dir)) {
                throw new UserException(Files.isDirectory(dir)
                        ? dir + " is not a corpus folder (it needs articles.jsonl and labels.json)"
                        : "no corpus folder or gold file at " + dir);
            }
            out.add(load(() -> LabelledCorpus.folder(dir, files)));
        }
        return out;
    }

    private static LabelledCorpus load(java.util.function.Supplier<LabelledCorpus> loader) {
        try {
            LabelledCorpus c = loader.get();
            c.problems().forEach(p -> System.err.println("eval: " + c.name() + ": " + p));
            return c;
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
    }

    /** The articles of one file or folder as a corpus loader takes them (also for StoryTuneMain). */
    static List<LabelledCorpus.Read> read(ArticleReader reader, Path p) {
        List<LabelledCorpus.Read> out = new ArrayList<>();
        for (ReadResult r : reader.read(p)) {
            out.add(r.isAccepted() ? new LabelledCorpus.Read(r.origin(), r.article(), null)
                    : LabelledCorpus.Read.failed(r.origin(), r.error()));
        }
        return out;
    }

    private boolean floors(CorpusEvaluation.Result r) {
        boolean ok = true;
        if (!r.entities().documents().isEmpty()) {
            ok &= floor(r.corpus(), "entity F1", r.entities().f1(), minEntityF1);
            ok &= floor(r.corpus(), "entity precision", r.entities().precision(), minEntityPrecision);
        }
        if (r.tone().total() > 0) {
            ok &= floor(r.corpus(), "tone accuracy", r.tone().accuracy(), minTone);
        }
        if (r.stories().articles() > 0) {
            ok &= floor(r.corpus(), "pairwise story F1", r.stories().f1(), minStoryF1);
            ok &= floor(r.corpus(), "BCubed story F1", r.stories().bcubedF1(), minBcubedF1);
        }
        return ok;
    }

    private static boolean floor(String corpus, String what, double value, Double min) {
        if (min == null || value >= min) {
            return true;
        }
        System.err.printf(Locale.ROOT, "eval: %s: %s %.3f is below the floor %.3f%n", corpus, what, value, min);
        return false;
    }
}
