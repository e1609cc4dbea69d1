package io.newsstream.enrich.stories;

import io.newsstream.common.model.EnrichedArticle;
import io.newsstream.common.model.RawArticle;
import io.newsstream.common.model.StoryRef;
import java.time.Duration;
import java.util.function.Function;

/**
 * Stories without Kafka, for {@code newsstream annotate} and the quality tests: the same detector,
 * copier and assigner as the topology, over in-memory indexes, in the order articles are given.
 */
public final class OfflineStories {

    private final NearDuplicateDetector detector;
    private final StoryAssigner assigner;
    private final ExpiringMap<String, EnrichedArticle> originals = new ExpiringMap<>();
    private final long quietMs;
    private final boolean keepText;

    /**
     * @param quietPeriod {@code enrich.story.quiet.period}
     * @param keepText    {@code enrich.keep.text}
     */
    public OfflineStories(Duration quietPeriod, boolean keepText) {
        this(quietPeriod, keepText, StoryAssigner.Settings.DEFAULT);
    }

    /** As {@link #OfflineStories(Duration, boolean)} with other story weights (measurements). */
    public OfflineStories(Duration quietPeriod, boolean keepText, StoryAssigner.Settings settings) {
        this.detector = new NearDuplicateDetector(new InMemoryDuplicateIndex(), quietPeriod);
        this.assigner = new StoryAssigner(new InMemoryStoryIndex(), quietPeriod, settings);
        this.quietMs = quietPeriod.toMillis();
        this.keepText = keepText;
    }

    /**
     * Enriches {@code raw} with {@code enrich}, or copies its original's enrichment when it is a
     * near-verbatim copy of an article seen before, and assigns its story.
     *
     * @param enrich must enrich keeping the text (copies need the original's text to place their spans)
     */
    public EnrichedArticle process(RawArticle raw, Function<RawArticle, EnrichedArticle> enrich) {
        NearDuplicateDetector.Verdict verdict = detector.check(raw.id(), raw.text(), raw.ingestedAt());
        // an article without an ingest time takes the latest one seen, as in the detector
        long seenAt = Times.advance(assigner.index().watermark(), raw.ingestedAt());
        originals.expire(assigner.index().watermark());
        EnrichedArticle original = verdict.isDuplicate() ? originals.get(verdict.duplicateOf()) : null;
        if (original != null) {
            ArticleFeatures f = new ArticleFeatures(raw.id(), null, seenAt, null,
                    StoryFeatures.entityWeights(original.entities()), new int[0]);
            StoryRef story = assigner.assignCopy(f, verdict.duplicateOf(), verdict.similarity());
            return DuplicateCopier.copy(original, raw, story, keepText);
        }
        EnrichedArticle enriched = enrich.apply(raw);
        StoryRef story = assigner.assign(StoryFeatures.of(enriched, StoryFeatures.contentTerms(enriched.title(), raw.text()),
                StoryFeatures.spellings(enriched.title(), raw.text()), StoryFeatures.yearNamed(enriched.title(), raw.text(), seenAt),
                seenAt));
        originals.put(enriched.id(), enriched, seenAt + quietMs);
        EnrichedArticle out = enriched.withStory(story);
        return keepText ? out : out.withoutText();
    }
}
