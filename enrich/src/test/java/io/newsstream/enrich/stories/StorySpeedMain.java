package io.newsstream.enrich.stories;

import io.newsstream.common.config.NewsstreamConfig;
import io.newsstream.common.model.EnrichedArticle;
import io.newsstream.common.model.RawArticle;
import io.newsstream.common.model.StoryRef;
import io.newsstream.enrich.Enricher;
import io.newsstream.enrich.EnricherFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-run measurement for docs/stories.md (no timed assertions in tests): a copy's cost against a fresh
 * enrichment with the real models. The story step's own speed with a large state is a row of the bench
 * ({@code ./bench}: "Story step alone").
 */
public final class StorySpeedMain {

    public static void main(String[] args) {
        copyCost();
    }

    /** A copy's cost (find the original, copy its enrichment, assign its story) against a fresh enrichment. */
    static void copyCost() {
        Enricher enricher = EnricherFactory.create(NewsstreamConfig.defaults());
        List<StoryTestData.Labelled> seeds = StoryTestData.seeds();
        List<RawArticle> raws = seeds.stream().map(StoryTestData.Labelled::article).toList();
        List<EnrichedArticle> fresh = new ArrayList<>();
        for (RawArticle r : raws) {
            fresh.add(enricher.enrich(r));
        }
        int rounds = 10;
        long start = System.nanoTime();
        for (int k = 0; k < rounds; k++) {
            for (RawArticle r : raws) {
                enricher.enrich(r);
            }
        }
        double enrichMs = (System.nanoTime() - start) / 1e6 / (rounds * raws.size());

        List<RawArticle> copies = new ArrayList<>();
        for (RawArticle r : raws) {
            copies.add(new RawArticle(r.schemaVersion(), r.id() + "-copy", r.source(), "A new headline", r.publishedAt(),
                    r.ingestedAt(), null, "Advertisement\n" + r.text().replaceFirst("the", "a") + "\nShare this article"));
        }
        int copyRounds = 2_000;
        double findMs = 0;
        double copyMs = 0;
        for (int k = 0; k < copyRounds; k++) {
            NearDuplicateDetector detector = new NearDuplicateDetector(new InMemoryDuplicateIndex(), Duration.ofDays(3));
            StoryAssigner assigner = new StoryAssigner(new InMemoryStoryIndex(), Duration.ofDays(3));
            for (int i = 0; i < raws.size(); i++) {
                detector.check(raws.get(i).id(), raws.get(i).text(), raws.get(i).ingestedAt());
                assigner.assign(StoryFeatures.of(fresh.get(i), raws.get(i).text()));
            }
            long t = System.nanoTime();
            List<NearDuplicateDetector.Verdict> verdicts = new ArrayList<>();
            for (RawArticle c : copies) {
                verdicts.add(detector.check(c.id(), c.text(), c.ingestedAt()));
            }
            long t2 = System.nanoTime();
            for (int i = 0; i < copies.size(); i++) {
                RawArticle c = copies.get(i);
                ArticleFeatures f = new ArticleFeatures(c.id(), null, c.ingestedAt().toEpochMilli(), null,
                        StoryFeatures.entityWeights(fresh.get(i).entities()), new int[0]);
                StoryRef ref = assigner.assignCopy(f, verdicts.get(i).duplicateOf(), verdicts.get(i).similarity());
                DuplicateCopier.copy(fresh.get(i), c, ref, true);
            }
            long t3 = System.nanoTime();
            if (k >= copyRounds / 2) {
                findMs += (t2 - t) / 1e6;
                copyMs += (t3 - t2) / 1e6;
            }
            if (verdicts.stream().anyMatch(v -> !v.isDuplicate())) {
                throw new IllegalStateException("a copy was not recognised");
            }
        }
        int n = copyRounds / 2 * copies.size();
        System.out.printf("fresh enrichment (real models, seeds): %.2f ms/article%n", enrichMs);
        System.out.printf("copy: finding the original %.3f ms, copying enrichment + story %.3f ms; "
                        + "copy/fresh = %.2f%% (%.2f%% without the check every article pays)%n",
                findMs / n, copyMs / n, 100 * (findMs + copyMs) / n / enrichMs, 100 * copyMs / n / enrichMs);
    }
}
