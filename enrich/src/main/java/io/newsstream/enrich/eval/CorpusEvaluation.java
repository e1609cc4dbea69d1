package io.newsstream.enrich.eval;

import io.newsstream.common.model.EnrichedArticle;
import io.newsstream.common.model.Entity;
import io.newsstream.common.model.RawArticle;
import io.newsstream.enrich.stories.OfflineStories;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Scores enrichment on a {@link LabelledCorpus}: streams its articles in order through
 * {@link OfflineStories} (the topology's copy detection, enrichment and story assignment, without Kafka)
 * and compares the output with the labels: entities (as {@link EntityEvaluator}, on the articles with
 * entity gold), tone (accuracy, confusion matrix), stories ({@link StoryScore}) and near-duplicates.
 */
public final class CorpusEvaluation {

    /**
     * What one corpus scored.
     *
     * @param corpus             the corpus's name
     * @param articles           articles streamed
     * @param failed             inputs that could not be read or enriched, with the reason
     * @param entities           entity scores over the articles with entity gold
     * @param entitiesByLanguage the same by language, when articles of more than one language have entity gold
     * @param tone               tone over the articles with gold tone
     * @param toneByLanguage     the same by language
     * @param stories            same-story scores
     * @param duplicates         gold copy pairs (labels' duplicateOf), either article of a pair may come first
     * @param duplicatesFound    gold copy pairs marked as copy and original
     * @param missedDuplicates   gold copy pairs not so marked ("a ~ b")
     * @param falseDuplicates    pairs marked as copy and original that the labels do not call copies
     * @param seconds            wall time of the run
     * @param crossLanguage      same-story pairs of articles in different languages
     * @param replay             the stories of a live replay ({@link LabelledCorpus.Clock#PUBLICATION}), or
     *                           null when none was run
     */
    public record Result(String corpus, int articles, List<String> failed, EvalReport entities,
                         Map<String, EvalReport> entitiesByLanguage, ToneScore tone, Map<String, ToneScore> toneByLanguage,
                         StoryScore stories, int duplicates, int duplicatesFound, List<String> missedDuplicates,
                         List<String> falseDuplicates, double seconds, CrossLanguage crossLanguage, Replay replay) {
    }

    /**
     * Stories when the corpus is replayed live, each article ingested at its publication time: stories
     * then expire from state between publications, and the undated articles, which come last, find only
     * the stories still open.
     */
    public record Replay(StoryScore stories, CrossLanguage crossLanguage) {
    }

    /**
     * Same-story pairs of articles in different languages: how many the gold has, how many were
     * predicted, and how many of those are right.
     */
    public record CrossLanguage(long goldPairs, long predictedPairs, long truePairs) {
        public double recall() {
            return goldPairs == 0 ? 1 : (double) truePairs / goldPairs;
        }

        public double precision() {
            return predictedPairs == 0 ? 1 : (double) truePairs / predictedPairs;
        }

        static CrossLanguage of(Map<String, String> gold, Map<String, String> predicted, Map<String, String> language) {
            List<String> keys = new ArrayList<>(gold.keySet());
            long g = 0;
            long p = 0;
            long t = 0;
            for (int i = 0; i < keys.size(); i++) {
                for (int j = i + 1; j < keys.size(); j++) {
                    String a = keys.get(i);
                    String b = keys.get(j);
                    if (java.util.Objects.equals(language.get(a), language.get(b))) {
                        continue;
                    }
                    boolean same = gold.get(a).equals(gold.get(b));
                    boolean together = predicted.get(a).equals(predicted.get(b));
                    g += same ? 1 : 0;
                    p += together ? 1 : 0;
                    t += same && together ? 1 : 0;
                }
            }
            return new CrossLanguage(g, p, t);
        }
    }

    /** Pairs of copies listed by name, at most. */
    private static final int MAX_LISTED = 10;

    private CorpusEvaluation() {
    }

    /**
     * Streams {@code corpus} through {@code stories}, enriching originals with {@code enrich}.
     *
     * @param enrich    enrichment keeping the text (as {@link OfflineStories#process} needs)
     * @param onArticle called after each article (progress)
     */
    public static Result run(LabelledCorpus corpus, Function<RawArticle, EnrichedArticle> enrich, OfflineStories stories,
                             Runnable onArticle) {
        return run(corpus, enrich, stories, null, onArticle);
    }

    /**
     * As {@link #run(LabelledCorpus, Function, OfflineStories, Runnable)}, then replays the corpus live
     * through {@code replay} (fresh, as {@code stories} was), each original enriched once for both.
     *
     * @param replay stories for the {@link LabelledCorpus.Clock#PUBLICATION} replay, or null for none
     */
    public static Result run(LabelledCorpus corpus, Function<RawArticle, EnrichedArticle> enrich, OfflineStories stories,
                             OfflineStories replay, Runnable onArticle) {
        Map<String, EnrichedArticle> enriched = new HashMap<>();
        Function<RawArticle, EnrichedArticle> once = replay == null ? enrich
                : raw -> ingestedAt(enriched.computeIfAbsent(raw.id(), id -> enrich.apply(raw)), raw.ingestedAt());
        long start = System.nanoTime();
        List<String> failed = new ArrayList<>(corpus.problems().stream().filter(p -> !p.endsWith("(not scored)")).toList());
        Map<String, String> keyOfId = new HashMap<>();
        Map<String, List<Entity>> reported = new LinkedHashMap<>();
        Map<String, Map<String, List<Entity>>> reportedByLanguage = new TreeMap<>();
        ToneScore tone = new ToneScore();
        Map<String, ToneScore> toneByLanguage = new TreeMap<>();
        Map<String, String> goldStory = new LinkedHashMap<>();
        Map<String, String> predictedStory = new LinkedHashMap<>();
        Map<String, String> languageOf = new HashMap<>();
        // a copy and its original as an unordered pair: the stream's order decides which one is the copy
        Set<List<String>> goldCopies = new LinkedHashSet<>();
        Set<List<String>> markedCopies = new LinkedHashSet<>();
        for (LabelledCorpus.Item item : corpus.items()) {
            RawArticle raw = item.article();
            keyOfId.put(raw.id(), item.goldKey());
            EnrichedArticle out;
            try {
                out = stories.process(raw, once);
            } catch (RuntimeException e) {
                failed.add(item.goldKey() + ": " + e.getMessage());
                onArticle.run();
                continue;
            }
            String language = raw.language() != null ? raw.language() : out.language();
            if (item.hasEntities()) {
                reported.put(item.goldKey(), out.entities());
                reportedByLanguage.computeIfAbsent(language, l -> new LinkedHashMap<>()).put(item.goldKey(), out.entities());
            }
            if (item.tone() != null && out.sentiment() != null) {
                String predicted = out.sentiment().label().wire();
                tone.add(item.tone(), predicted);
                toneByLanguage.computeIfAbsent(language, l -> new ToneScore()).add(item.tone(), predicted);
            }
            if (item.story() != null) {
                goldStory.put(item.goldKey(), item.story());
                predictedStory.put(item.goldKey(), out.story().id());
                languageOf.put(item.goldKey(), language);
            }
            String copyOf = out.story().duplicateOf() == null ? null : keyOfId.get(out.story().duplicateOf());
            if (item.duplicateOf() != null) {
                goldCopies.add(pair(item.goldKey(), item.duplicateOf()));
            }
            if (copyOf != null) {
                markedCopies.add(pair(item.goldKey(), copyOf));
            }
            onArticle.run();
        }
        List<String> missed = new ArrayList<>();
        goldCopies.stream().filter(p -> !markedCopies.contains(p)).forEach(p -> missed.add(p.get(0) + " ~ " + p.get(1)));
        List<String> falseCopies = new ArrayList<>();
        markedCopies.stream().filter(p -> !goldCopies.contains(p)).forEach(p -> falseCopies.add(p.get(0) + " ~ " + p.get(1)));
        int found = goldCopies.size() - missed.size();
        EntityEvaluator gold = EntityEvaluator.load(corpus.labels());
        Map<String, EvalReport> entitiesByLanguage = new TreeMap<>();
        if (reportedByLanguage.size() > 1) {
            reportedByLanguage.forEach((language, r) -> entitiesByLanguage.put(language, gold.evaluate(r)));
        }
        return new Result(corpus.name(), corpus.items().size(), failed, gold.evaluate(reported), entitiesByLanguage,
                tone, toneByLanguage, StoryScore.of(goldStory, predictedStory), goldCopies.size(), found, missed, falseCopies,
                (System.nanoTime() - start) / 1e9, CrossLanguage.of(goldStory, predictedStory, languageOf),
                replay == null ? null : replay(corpus, once, replay, languageOf));
    }

    /** The enrichment of an article under another clock: its ingest time is the story step's rule for dates. */
    private static EnrichedArticle ingestedAt(EnrichedArticle a, java.time.Instant at) {
        return java.util.Objects.equals(a.ingestedAt(), at) ? a
                : new EnrichedArticle(a.schemaVersion(), a.id(), a.source(), a.title(), a.publishedAt(), at, a.language(),
                        a.text(), a.entities(), a.sentiment(), a.story(), a.flags(), a.enrichedAt(), a.pipeline());
    }

    private static Replay replay(LabelledCorpus corpus, Function<RawArticle, EnrichedArticle> enrich, OfflineStories stories,
                                 Map<String, String> languageOf) {
        Map<String, String> goldStory = new LinkedHashMap<>();
        Map<String, String> predictedStory = new LinkedHashMap<>();
        for (LabelledCorpus.Item item : corpus.items(LabelledCorpus.Clock.PUBLICATION)) {
            if (item.story() == null || !languageOf.containsKey(item.goldKey())) {
                continue; // unlabelled, or failed in the first pass (and reported there)
            }
            EnrichedArticle out;
            try {
                out = stories.process(item.article(), enrich);
            } catch (RuntimeException e) {
                continue;
            }
            goldStory.put(item.goldKey(), item.story());
            predictedStory.put(item.goldKey(), out.story().id());
        }
        return new Replay(StoryScore.of(goldStory, predictedStory), CrossLanguage.of(goldStory, predictedStory, languageOf));
    }

    private static List<String> pair(String a, String b) {
        return a.compareTo(b) <= 0 ? List.of(a, b) : List.of(b, a);
    }

    /** One table: a line per measure, as {@code newsstream eval} prints it. */
    public static String format(Result r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "corpus %s: %d articles, %d failed, %.1f s%n", r.corpus(), r.articles(),
                r.failed().size(), r.seconds()));
        EvalReport e = r.entities();
        if (!e.documents().isEmpty()) {
            sb.append(entityLine("entities:", e));
            r.entitiesByLanguage().forEach((language, report) -> sb.append(entityLine("entities [" + language + "]:", report)));
        }
        ToneScore t = r.tone();
        if (t.total() > 0) {
            sb.append(toneLine("tone:", t));
            if (r.toneByLanguage().size() > 1) {
                r.toneByLanguage().forEach((language, s) -> sb.append(toneLine("tone [" + language + "]:", s)));
            }
            sb.append(String.format(Locale.ROOT, "  %-16s%10s%10s%10s%n", "gold \\ predicted", "positive", "neutral", "negative"));
            for (String g : ToneScore.CLASSES) {
                sb.append(String.format(Locale.ROOT, "  %-16s%10d%10d%10d%n", g, t.count(g, "positive"),
                        t.count(g, "neutral"), t.count(g, "negative")));
            }
        }
        StoryScore s = r.stories();
        if (s.articles() > 0) {
            sb.append(String.format(Locale.ROOT, "stories: pairwise P=%.3f R=%.3f F1=%.3f (pairs: %d right, %d predicted, %d gold)%n",
                    s.precision(), s.recall(), s.f1(), s.truePairs(), s.predictedPairs(), s.goldPairs()));
            sb.append(String.format(Locale.ROOT, "stories: BCubed P=%.3f R=%.3f F1=%.3f%n",
                    s.bcubedPrecision(), s.bcubedRecall(), s.bcubedF1()));
            sb.append(String.format(Locale.ROOT, "stories: %d found, %d in the gold (%d articles)%n",
                    s.predictedStories(), s.goldStories(), s.articles()));
            CrossLanguage x = r.crossLanguage();
            if (x.goldPairs() > 0 || x.predictedPairs() > 0) {
                sb.append(String.format(Locale.ROOT,
                        "stories across languages: pairwise P=%.3f R=%.3f (pairs: %d right, %d predicted, %d gold)%n",
                        x.precision(), x.recall(), x.truePairs(), x.predictedPairs(), x.goldPairs()));
            }
            Replay replay = r.replay();
            if (replay != null) {
                StoryScore p = replay.stories();
                sb.append(String.format(Locale.ROOT,
                        "stories, replayed live (ingested at publication times): pairwise P=%.3f R=%.3f F1=%.3f, BCubed F1=%.3f, %d found",
                        p.precision(), p.recall(), p.f1(), p.bcubedF1(), p.predictedStories()));
                CrossLanguage px = replay.crossLanguage();
                if (px.goldPairs() > 0 || px.predictedPairs() > 0) {
                    sb.append(String.format(Locale.ROOT, "; across languages P=%.3f R=%.3f", px.precision(), px.recall()));
                }
                sb.append(String.format("%n"));
            }
        }
        sb.append(String.format(Locale.ROOT, "duplicates: %d/%d found, %d missed, %d marked that the labels do not call copies%n",
                r.duplicatesFound(), r.duplicates(), r.missedDuplicates().size(), r.falseDuplicates().size()));
        r.missedDuplicates().forEach(m -> sb.append("  missed: ").append(m).append('\n'));
        r.falseDuplicates().stream().limit(MAX_LISTED).forEach(m -> sb.append("  not labelled a copy: ").append(m).append('\n'));
        if (r.falseDuplicates().size() > MAX_LISTED) {
            sb.append("  ... and ").append(r.falseDuplicates().size() - MAX_LISTED).append(" more\n");
        }
        r.failed().forEach(f -> sb.append("  failed: ").append(f).append('\n'));
        return sb.toString();
    }

    private static String entityLine(String label, EvalReport e) {
        return String.format(Locale.ROOT, "%-16s P=%.3f R=%.3f F1=%.3f (TP %d, FP %d, FN %d; %d articles)%n", label,
                e.precision(), e.recall(), e.f1(), e.truePositives(), e.falsePositives(), e.falseNegatives(),
                e.documents().size());
    }

    private static String toneLine(String label, ToneScore t) {
        return String.format(Locale.ROOT, "%-16s accuracy=%.3f (%d/%d)%n", label, t.accuracy(), t.correct(), t.total());
    }
}
