package io.newsstream.enrich.stories;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstream.common.config.NewsstreamConfig;
import io.newsstream.common.model.EnrichedArticle;
import io.newsstream.common.model.RawArticle;
import io.newsstream.common.model.Source;
import io.newsstream.enrich.Enricher;
import io.newsstream.enrich.EnricherFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Story quality on the labelled set (the five seeds and the written articles) through the offline path
 * with the real models: pairwise same-story F1, the hard cases, and near-duplicates.
 */
class StoryQualityTest {

    private static final Duration QUIET = NewsstreamConfig.defaults().enrich().storyQuietPeriod();
    private static Enricher enricher;
    private static List<StoryTestData.Labelled> seeds;
    private static List<StoryTestData.Labelled> written;

    @BeforeAll
    static void loadModels() {
        enricher = EnricherFactory.create(NewsstreamConfig.defaults());
        seeds = StoryTestData.seeds();
        written = StoryTestData.written();
    }

    private static Map<String, EnrichedArticle> run(List<RawArticle> articles, AtomicInteger modelRuns) {
        OfflineStories stories = new OfflineStories(QUIET, true);
        Map<String, EnrichedArticle> out = new LinkedHashMap<>();
        for (RawArticle a : articles) {
            out.put(a.id(), stories.process(a, raw -> {
                modelRuns.incrementAndGet();
                return enricher.enrich(raw);
            }));
        }
        return out;
    }

    @Test
    void shouldGroupTheLabelledSetIntoStoriesWithPairwiseF1OfAtLeast095() {
        List<StoryTestData.Labelled> all = new ArrayList<>(seeds);
        all.addAll(written);
        Map<String, EnrichedArticle> out = run(all.stream().map(StoryTestData.Labelled::article).toList(), new AtomicInteger());

        Map<String, String> predicted = new LinkedHashMap<>();
        out.forEach((id, a) -> predicted.put(id, a.story().id()));
        double[] prf = StoryTestData.pairwise(StoryTestData.labels(all), predicted);
        System.out.printf("stories: %d articles, pairwise precision %.3f recall %.3f F1 %.3f (tp %d, fp %d, fn %d)%n",
                all.size(), prf[0], prf[1], prf[2], (long) prf[3], (long) prf[4], (long) prf[5]);
        out.forEach((id, a) -> System.out.printf("  %-22s %-28s %s%n", id, a.story().id(),
                a.story().duplicateOf() == null ? "" : "copy of " + a.story().duplicateOf()));
        assertThat(prf[2]).as("pairwise same-story F1").isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void shouldPutTheFiveSeedsInOneStoryWithNoSeedADuplicate() {
        Map<String, EnrichedArticle> out = run(seeds.stream().map(StoryTestData.Labelled::article).toList(), new AtomicInteger());

        assertThat(out.values()).extracting(a -> a.story().id()).containsOnly("st_" + seeds.get(0).article().id());
        assertThat(out.values()).extracting(a -> a.story().duplicateOf()).containsOnlyNulls();
    }

    @Test
    void shouldKeepTheSameLeadersInAnotherCallAndTheSamePlaceInAnotherEventApart() {
        List<StoryTestData.Labelled> all = new ArrayList<>(seeds);
        all.addAll(written);
        Map<String, EnrichedArticle> out = run(all.stream().map(StoryTestData.Labelled::article).toList(), new AtomicInteger());
        String seedStory = out.get(seeds.get(0).article().id()).story().id();

        assertThat(out.get("corridor-1").story().id()).isNotEqualTo(seedStory);
        assertThat(out.get("call-air-1").story().id()).isNotEqualTo(out.get("call-farm-1").story().id());
        assertThat(out.get("port-1").story().id()).isNotEqualTo(out.get("flood-1").story().id());
        assertThat(out.get("fra-strike-1").story().id()).isNotEqualTo(out.get("ecb-1").story().id());
        // follow-ups the next day join
        assertThat(out.get("flood-4").story().id()).isEqualTo(out.get("flood-1").story().id());
        assertThat(out.get("fire-4").story().id()).isEqualTo(out.get("fire-1").story().id());
    }

    @Test
    void shouldMarkAWireCopyWithANewHeadlineAsADuplicateAndNotRunTheModelsForIt() {
        List<RawArticle> articles = written.stream().map(StoryTestData.Labelled::article).toList();
        AtomicInteger modelRuns = new AtomicInteger();
        Map<String, EnrichedArticle> out = run(articles, modelRuns);

        for (StoryTestData.Labelled l : written) {
            assertThat(out.get(l.article().id()).story().duplicateOf()).as(l.file()).isEqualTo(l.expectedDuplicateOf());
        }
        EnrichedArticle copy = out.get("ecb-1-copy");
        assertThat(copy.story().id()).isEqualTo(out.get("ecb-1").story().id());
        assertThat(copy.title()).isEqualTo("Rates fall again: what the ECB decision means");
        assertThat(copy.source().name()).isEqualTo("Regional Post");
        assertThat(copy.entities()).extracting(e -> e.name()).contains("Christine Lagarde", "European Central Bank");
        copy.entities().forEach(e -> e.spans().forEach(s ->
                assertThat(copy.text().substring(s.start(), s.end())).isIn(forms(e))));
        long copies = written.stream().filter(l -> l.expectedDuplicateOf() != null).count();
        assertThat(modelRuns.get()).isEqualTo(articles.size() - (int) copies);
    }

    @Test
    void shouldMarkANearVerbatimCopyOfASeedWithANewHeadlineAndFurnitureAsADuplicate() {
        RawArticle seed = seeds.get(1).article();
        String edited = "Advertisement\nWorld | Updated 5 minutes ago\n"
                + seed.text().replace("has sparked international outrage", "has caused international outrage")
                        .replace("Survivors reported", "Survivors have reported")
                + "\nShare this article\nRelated: Airline suspends flights to several Russian cities\n"
                + "Sign up for our morning newsletter";
        RawArticle copy = new RawArticle(RawArticle.SCHEMA_VERSION, "seed-copy", new Source("Syndicated Daily", null),
                "Kremlin leader says sorry for crash but stops short of blame", seed.publishedAt(),
                seed.ingestedAt().plusSeconds(600), null, edited);
        List<RawArticle> input = new ArrayList<>(seeds.stream().map(StoryTestData.Labelled::article).toList());
        input.add(copy);

        Map<String, EnrichedArticle> out = run(input, new AtomicInteger());

        EnrichedArticle c = out.get("seed-copy");
        assertThat(c.story().duplicateOf()).isEqualTo(seed.id());
        assertThat(c.story().similarity()).isGreaterThanOrEqualTo(NearDuplicateDetector.MIN_JACCARD);
        assertThat(c.story().id()).isEqualTo(out.get(seeds.get(0).article().id()).story().id());
        assertThat(c.entities()).extracting(e -> e.name()).contains("Vladimir Putin", "Ilham Aliyev");
    }

    private static List<String> forms(io.newsstream.common.model.Entity e) {
        List<String> f = new ArrayList<>(e.aliases());
        f.add(e.name());
        return f;
    }
}
