package io.newsstream.common;

import io.newsstream.common.model.DashboardArticle;
import io.newsstream.common.model.EnrichedArticle;
import io.newsstream.common.model.Entity;
import io.newsstream.common.model.EntitySentiment;
import io.newsstream.common.model.EntityType;
import io.newsstream.common.model.EntityWindowStats;
import io.newsstream.common.model.PipelineInfo;
import io.newsstream.common.model.RawArticle;
import io.newsstream.common.model.Sentiment;
import io.newsstream.common.model.SentimentLabel;
import io.newsstream.common.model.Source;
import io.newsstream.common.model.Span;
import io.newsstream.common.model.StoryRef;
import io.newsstream.common.model.StorySummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Example records with every field set, for serde and schema tests. */
public final class Samples {
    public static final Instant T = Instant.parse("2026-02-03T04:05:06Z");

    private Samples() {
    }

    public static RawArticle raw() {
        return RawArticle.of("0123456789abcdef", new Source("Example Times", "https://example.org/x"), "A headline",
                T, T.plusSeconds(60), "en", "Jane Doe visited Springfield.");
    }

    public static EnrichedArticle enriched() {
        RawArticle r = raw();
        Entity e = new Entity("ent_1234abcd5678", "Jane Doe", EntityType.PERSON, 2, List.of("Doe", "Ms. Doe"), 0.8,
                new EntitySentiment(-0.25, SentimentLabel.NEGATIVE), List.of(new Span(0, 8), new Span(40, 43)));
        return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, r.id(), r.source(), r.title(), r.publishedAt(),
                r.ingestedAt(), "en", r.text(), List.of(e), new Sentiment(SentimentLabel.NEGATIVE, -0.7, 0.05, 0.45, 0.5),
                new StoryRef("story_abc", null, 0.91), List.of(), T.plusSeconds(61),
                new PipelineInfo("0.1.0", Map.of("ner", "crf")));
    }

    public static DashboardArticle dashboardArticle() {
        return new DashboardArticle(DashboardArticle.SCHEMA_VERSION, "0123456789abcdef", "A headline", "Example Times",
                "https://example.org/x", T, T.plusSeconds(61), "en", SentimentLabel.NEGATIVE, -0.7, "story_abc", null, 1,
                List.of("Jane Doe"), List.of(), List.of("Springfield"), List.of("ent_1234abcd5678"));
    }

    public static EntityWindowStats entityWindowStats() {
        return new EntityWindowStats(EntityWindowStats.SCHEMA_VERSION, "ent_1234abcd5678", "Jane Doe", EntityType.PERSON,
                Instant.parse("2026-02-03T04:00:00Z"), Instant.parse("2026-02-03T05:00:00Z"), 7, 3,
                List.of("A", "B"), -0.2);
    }

    public static StorySummary storySummary() {
        return new StorySummary(StorySummary.SCHEMA_VERSION, "st_0123456789abcdef", "A headline", 3, 1,
                List.of("Example Times", "Other Post"), T, T.plusSeconds(3600),
                List.of(new StorySummary.EntityCount("ent_1234abcd5678", "Jane Doe", EntityType.PERSON, 3, 7)),
                -0.4, Map.of("Example Times", -0.5, "Other Post", -0.2));
    }
}
