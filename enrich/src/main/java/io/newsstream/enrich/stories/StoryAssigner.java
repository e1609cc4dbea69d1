package io.newsstream.enrich.stories;

import io.newsstream.common.model.StoryRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Assigns each article to a story: the open story it is most similar to, or a new story named after it.
 *
 * <p>Candidates come from the index, never from a scan: the stories recently posted under the article's
 * most salient entities, and the stories recently filed under the content LSH buckets it falls in. The best
 * {@value #MAX_CANDIDATES} candidates by a cheap pre-score are compared in full with their
 * representative articles (the first and the latest few), which the story record carries, so each
 * candidate costs one read. The similarity of two articles is
 * {@code sqrt(entityOverlap * contentSimilarity) * exp(-publicationGap / quietPeriod)}: the geometric
 * mean needs both the same actors and the same vocabulary, so the same people in another event, or
 * another event in the same place, stay apart. A story stops taking articles once nothing joined it for
 * the quiet period, and its state expires then.
 *
 * <p>Story ids are {@code st_} plus the id of the story's first article, so a replay of the same input
 * in the same order gives the same ids. Not thread-safe: one assigner sits at the one place that sees
 * every article in order.
 */
public final class StoryAssigner {

    /** Prefix of story ids. */
    public static final String STORY_PREFIX = "st_";
    /** Similarity at or above which an article joins a story. */
    public static final double JOIN_THRESHOLD = 0.2;
    /** Stories compared in full per article. */
    static final int MAX_CANDIDATES = 12;
    /** Articles of a story an article is compared with: the first and the latest. */
    static final int REPRESENTATIVES = 4;
    /** Entities of an article under which its story is posted. */
    static final int POSTED_ENTITIES = 6;
    /** Stories kept per entity posting list, the newest. */
    static final int POSTING_CAP = 64;
    /** Stories kept per content bucket, the newest. */
    static final int BUCKET_CAP = 16;
    /** Weight of one shared content bucket in the pre-score, against an entity's salience. */
    private static final double BUCKET_PRESCORE = 0.02;

    private final StoryIndex index;
    private final long quietMs;

    /**
     * @param index        where stories and articles are kept
     * @param quietPeriod  a story takes no article after this long without one, and is then forgotten
     */
    public StoryAssigner(StoryIndex index, Duration quietPeriod) {
        this.index = Objects.requireNonNull(index, "index");
        if (quietPeriod.isNegative() || quietPeriod.isZero()) {
            throw new IllegalArgumentException("the story quiet period must be positive, got " + quietPeriod);
        }
        this.quietMs = quietPeriod.toMillis();
    }

    /** The index behind this assigner. */
    public StoryIndex index() {
        return index;
    }

    /**
     * Assigns an original article (not a copy) and remembers it. An id assigned before gets the same
     * answer again.
     *
     * @return the story; {@code duplicateOf} is null
     */
    public StoryRef assign(ArticleFeatures article) {
        advance(article.seenAt());
        ArticleFeatures known = index.article(article.id());
        if (known != null) {
            return known.story();
        }
        StoryState best = null;
        double bestScore = 0;
        for (String storyId : candidates(article)) {
            StoryState s = index.story(storyId);
            if (s == null || !isOpen(s, article)) {
                continue;
            }
            double score = score(article, s);
            if (score > bestScore || (score == bestScore && best != null && storyId.compareTo(best.id()) < 0)) {
                best = s;
                bestScore = score;
            }
        }
        StoryRef ref;
        StoryState story;
        if (best != null && bestScore >= JOIN_THRESHOLD) {
            ref = new StoryRef(best.id(), null, round(bestScore));
            story = joined(best, representative(article, ref), true);
        } else {
            ref = new StoryRef(STORY_PREFIX + article.id(), null, 1.0);
            story = new StoryState(ref.id(), article.seenAt(), article.seenAt(), article.publishedAt(), 1,
                    List.of(representative(article, ref)));
        }
        remember(article, ref, story, true);
        return ref;
    }

    /**
     * Assigns a near-verbatim copy of {@code originalId}: the original's story, with {@code duplicateOf}
     * set. The copy counts towards the story but is not compared with later articles (the original is).
     *
     * @param copy features of the copy (its own id and times; entities and content may be the original's)
     */
    public StoryRef assignCopy(ArticleFeatures copy, String originalId, double similarity) {
        advance(copy.seenAt());
        ArticleFeatures known = index.article(copy.id());
        if (known != null) {
            return known.story();
        }
        ArticleFeatures original = index.article(originalId);
        String storyId = original != null ? original.story().id() : STORY_PREFIX + originalId;
        StoryRef ref = new StoryRef(storyId, originalId, similarity);
        StoryState s = index.story(storyId);
        StoryState story = s != null ? joined(s, copy, false)
                : new StoryState(storyId, copy.seenAt(), copy.seenAt(), copy.publishedAt(), 1, List.of());
        remember(copy, ref, story, false);
        return ref;
    }

    /** Similarity of two articles, in [0, 1]. */
    public double similarity(ArticleFeatures a, ArticleFeatures b) {
        double entities = StoryFeatures.entityOverlap(a.entities(), b.entities());
        if (entities == 0) {
            return 0;
        }
        double content = MinHasher.similarity(a.content(), b.content());
        double s = Math.sqrt(entities * content);
        if (a.publishedAt() != null && b.publishedAt() != null) {
            s *= Math.exp(-(double) Math.abs(a.publishedAt() - b.publishedAt()) / quietMs);
        }
        return s;
    }

    private void advance(long seenAt) {
        long watermark = Math.max(index.watermark(), seenAt);
        index.watermark(watermark);
        index.expire(watermark);
    }

    private boolean isOpen(StoryState s, ArticleFeatures a) {
        if (a.seenAt() - s.lastSeen() > quietMs) {
            return false;
        }
        return a.publishedAt() == null || s.lastPublished() == null || a.publishedAt() - s.lastPublished() <= quietMs;
    }

    private double score(ArticleFeatures article, StoryState story) {
        double best = 0;
        for (ArticleFeatures r : story.representatives()) {
            best = Math.max(best, similarity(article, r));
        }
        return best;
    }

    /** Story ids worth a full comparison, best pre-score first (ties by id, so every run agrees). */
    private List<String> candidates(ArticleFeatures article) {
        Map<String, Double> pre = new HashMap<>();
        int n = 0;
        for (Map.Entry<String, Double> e : article.entities().entrySet()) {
            if (n++ == POSTED_ENTITIES) {
                break;
            }
            for (String storyId : index.storiesWithEntity(e.getKey())) {
                pre.merge(storyId, e.getValue(), Double::sum);
            }
        }
        for (long bucket : StoryFeatures.contentHasher().buckets(article.content())) {
            for (String storyId : index.storiesInBucket(bucket)) {
                pre.merge(storyId, BUCKET_PRESCORE, Double::sum);
            }
        }
        List<Map.Entry<String, Double>> ranked = new ArrayList<>(pre.entrySet());
        ranked.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
        List<String> out = new ArrayList<>(Math.min(MAX_CANDIDATES, ranked.size()));
        for (int i = 0; i < ranked.size() && i < MAX_CANDIDATES; i++) {
            out.add(ranked.get(i).getKey());
        }
        return out;
    }

    private static ArticleFeatures representative(ArticleFeatures a, StoryRef ref) {
        return new ArticleFeatures(a.id(), ref, a.seenAt(), a.publishedAt(), a.entities(), a.content());
    }

    private StoryState joined(StoryState s, ArticleFeatures a, boolean representative) {
        List<ArticleFeatures> reps = s.representatives();
        if (representative) {
            List<ArticleFeatures> r = new ArrayList<>(reps);
            r.add(a);
            // keep the first article and the latest ones
            while (r.size() > REPRESENTATIVES) {
                r.remove(1);
            }
            reps = r;
        }
        // if/else, not a nested conditional: mixing Long and long there unboxes a null and throws
        Long lastPublished = s.lastPublished();
        if (a.publishedAt() != null) {
            lastPublished = lastPublished == null ? a.publishedAt() : Math.max(lastPublished, a.publishedAt());
        }
        return new StoryState(s.id(), s.firstSeen(), Math.max(s.lastSeen(), a.seenAt()), lastPublished,
                s.articles() + 1, reps);
    }

    private void remember(ArticleFeatures article, StoryRef ref, StoryState story, boolean post) {
        long expiresAt = article.seenAt() + quietMs;
        index.putArticle(new ArticleFeatures(article.id(), ref, article.seenAt(), article.publishedAt(),
                article.entities(), article.content()), expiresAt);
        index.putStory(story, story.lastSeen() + quietMs);
        if (!post) {
            return;
        }
        int n = 0;
        for (String entityId : article.entities().keySet()) {
            if (n++ == POSTED_ENTITIES) {
                break;
            }
            index.addStoryToEntity(entityId, story.id(), POSTING_CAP, expiresAt);
        }
        for (long bucket : StoryFeatures.contentHasher().buckets(article.content())) {
            index.addStoryToBucket(bucket, story.id(), BUCKET_CAP, expiresAt);
        }
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
