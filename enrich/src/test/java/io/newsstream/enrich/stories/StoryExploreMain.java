package io.newsstream.enrich.stories;

import io.newsstream.common.config.NewsstreamConfig;
import io.newsstream.common.model.EnrichedArticle;
import io.newsstream.enrich.Enricher;
import io.newsstream.enrich.EnricherFactory;
import java.util.ArrayList;
import java.util.List;

/** Hand-run: prints the pairwise entity overlap, content similarity and time gap of the labelled set. */
public final class StoryExploreMain {
    public static void main(String[] args) {
        Enricher enricher = EnricherFactory.create(NewsstreamConfig.defaults());
        List<StoryTestData.Labelled> all = new ArrayList<>(StoryTestData.seeds());
        all.addAll(StoryTestData.written());
        List<ArticleFeatures> f = new ArrayList<>();
        List<java.util.Set<Long>> sets = new ArrayList<>();
        List<java.util.Set<Long>> full = new ArrayList<>();
        for (StoryTestData.Labelled l : all) {
            EnrichedArticle e = enricher.enrich(l.article());
            f.add(StoryFeatures.of(e, l.article().text()));
            StringBuilder masked = new StringBuilder(l.article().text());
            for (var en : e.entities()) for (var sp : en.spans()) for (int k = sp.start(); k < sp.end(); k++) masked.setCharAt(k, ' ');
            sets.add(TextFeatures.contentWords(null, masked.toString()));
            full.add(TextFeatures.contentWords(l.article().title(), l.article().text()));
            System.out.println(l.file() + " pub=" + l.article().publishedAt() + " ents=" + e.entities().stream().limit(10).map(x -> x.name() + ":" + x.salience()).toList());
        }
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                double en = StoryFeatures.entityOverlap(f.get(i).entities(), f.get(j).entities());
                double c = MinHasher.similarity(f.get(i).content(), f.get(j).content());
                boolean same = all.get(i).story().equals(all.get(j).story());
                if (same || en > 0.05 || c > 0.08) {
                    System.out.printf("%s %-22s %-22s E=%.3f C=%.3f X=%.3f M=%.3f%n", same ? "SAME" : "diff", all.get(i).file(), all.get(j).file(), en, c, jac(full.get(i), full.get(j)), jac(sets.get(i), sets.get(j)));
                }
            }
        }
    }

    static double jac(java.util.Set<Long> a, java.util.Set<Long> b) {
        java.util.Set<Long> i = new java.util.HashSet<>(a); i.retainAll(b);
        return (double) i.size() / (a.size() + b.size() - i.size());
    }
}
