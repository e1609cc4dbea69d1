package io.newsstream.enrich.stories;

import io.newsstream.common.model.StoryRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Assigns each article to a story: the open story it is most similar to, or a new story named after it.
 *
 * <p>This is single-pass clustering over TF-IDF vectors, as in Miranda et al. (2018), "Multilingual
 * Clustering of Streaming News": each story keeps the centroid of its articles' word vectors and of their
 * entity vectors, and an article joins the most similar open story when
 * {@code cos(words) * (ENTITY_FLOOR + (1 - ENTITY_FLOOR) * cos(entities))} reaches {@value #JOIN_THRESHOLD}.
 * Word weights are sublinear term frequency (headline words count twice) times inverse document
 * frequency; entity weights are salience times inverse document frequency. Document frequencies come from
 * the stream itself: every original article is counted, in state, and a word or entity not seen for
 * {@link #FREQUENCY_MEMORY} is forgotten, so the weights follow the user's news and state stays bounded.
 *
 * <p>Candidates come from the index, never from a scan: the stories recently posted under the article's
 * most salient entities and under its heaviest words. The best {@value #MAX_CANDIDATES} by a cheap
 * pre-score are compared in full (one read each: the centroid is in the story record). Beyond the quiet
 * period after a story's latest article, up to the late horizon, an article joins it only when its similarity
 * without the time factor reaches {@value #LATE_THRESHOLD}; after the horizon the story takes none, and its
 * state expires then.
 *
 * <p>Story ids are {@code st_} plus the id of the story's first article, so a replay of the same input
 * in the same order gives the same ids. Not thread-safe: one assigner sits at the one place that sees
 * every article in order.
 */
public final class StoryAssigner {

    /** Prefix of story ids. */
    public static final String STORY_PREFIX = "st_";
    /** Similarity at or above which an article joins a story. */
    public static final double JOIN_THRESHOLD = 0.25;
    /**
     * Share of the word similarity an article keeps when it shares no entity with the story: the same
     * words with other actors is weaker evidence of the same event, not none (entities are often missed).
     */
    static final double ENTITY_FLOOR = 0.7;
    /**
     * An article in another language than the story's first article shares few of its words; it is
     * compared on entities (one id across languages) at this weight instead, when that is higher.
     */
    static final double CROSS_LANGUAGE = 1.0;
    /**
     * Similarity falls by 1/e per this much publication time between an article and the story's latest
     * article: a later development of the same story still joins, a similar event weeks later does not.
     */
    static final Duration TIME_SCALE = Duration.ofDays(7);
    /**
     * Documents added to the stream's count N in every IDF, none of them with the word: at the start of a
     * stream every word two articles share has the highest document frequency seen, and IDF would push
     * the very words that make them one story below the words only one of them has.
     */
    static final int PRIOR_DOCUMENTS = 10;
    /** Words kept in a story's centroid, the heaviest. */
    static final int CENTROID_TERMS = 200;
    /** Entities kept in a story's centroid, the heaviest. */
    static final int CENTROID_ENTITIES = 30;
    /** Stories compared in full per article. */
    static final int MAX_CANDIDATES = 16;
    /** Entities of an article under which its story is posted. */
    static final int POSTED_ENTITIES = 6;
    /** Words of an article (the heaviest) under which its story is posted. */
    static final int POSTED_TERMS = 10;
    /** Stories kept per entity posting list, the newest. */
    static final int POSTING_CAP = 64;
    /** Stories kept per word bucket, the newest. */
    static final int BUCKET_CAP = 16;
    /**
     * Distinct words of an article in Hangul that must spell a known name before any counts: one word
     * alone is too often a common word that sounds like a name.
     */
    static final int MIN_SPELLED_WORDS = 2;
    /**
     * Entities an article in Hangul is compared on, its own and the ones its words spell: more than the
     * {@link StoryFeatures#TOP_ENTITIES} of an article with named entities, as spelled ones are each weaker
     * evidence (a word may sound like a name by chance) and an article in a language without a model has
     * no others.
     */
    static final int SPELLED_ENTITIES = 15;
    /** Words of an article in Hangul (the most frequent) under whose readings its story is posted. */
    static final int POSTED_SPELLINGS = 50;
    /** Entity ids kept per name key (the newest): names that sound alike, or one name of several entities. */
    static final int NAME_CAP = 4;
    /**
     * Past the quiet period, a story still takes an article this long after its latest one, by the late test
     * ({@link #LATE_THRESHOLD} on the similarity without the time factor): a scheduled event announced, then
     * held days later. One time scale of the decay.
     */
    static final Duration LATE_HORIZON = TIME_SCALE;
    /**
     * Similarity without the time factor at or above which an article joins a story beyond the quiet period
     * (within {@link #LATE_HORIZON}): well above {@link #JOIN_THRESHOLD}, so only an article that retells the
     * same event, not a similar one of the same actors, joins after a lull.
     */
    static final double LATE_THRESHOLD = 0.40;
    /**
     * An article whose year ({@link ArticleFeatures#year}) is more than this many years after the latest year of
     * a story ({@link StoryState#latestYear}) is likely a report of a later event of the same kind: its similarity
     * to that story counts {@link #LATER_YEAR_FACTOR}. For dated articles the time decay says as much; this is for
     * undated ones, whose year is the latest they name: an article cannot name a year after it was written, but it
     * may name years before (background), so only a later year counts against a story, and by a margin.
     */
    static final int LATER_YEAR_GAP = 2;
    /** What the similarity of an article counts to a story whose year it is more than {@link #LATER_YEAR_GAP} years after. */
    static final double LATER_YEAR_FACTOR = 0.5;
    /**
     * What the similarity of an undated article counts (at most 1) to a story whose latest year is the latest year the
     * article names: the same year is evidence of the same event, where a similar event of another time would name
     * another. Only for undated articles: a dated article's year is its publication year, which every open story
     * shares within its quiet period, and which the time decay already weighs.
     */
    static final double SAME_YEAR_FACTOR = 1.5;
    /** A word or entity no article has used for this long drops out of the document frequencies. */
    public static final Duration FREQUENCY_MEMORY = Duration.ofDays(30);
    /** Document-frequency expiry times are rounded up to this, so a frequent word costs one write per article. */
    private static final long FREQUENCY_GRANULARITY_MS = Duration.ofHours(1).toMillis();

    /**
     * The weights of the similarity, for measurements; {@link #DEFAULT} is what the product runs.
     *
     * @param joinThreshold similarity at or above which an article joins a story
     * @param entityFloor   share of the word similarity kept when no entity is shared
     * @param crossLanguage weight of the entity similarity for an article in another language than the
     *                      story's words (0: never across languages)
     * @param priorDocuments documents added to N in every inverse document frequency (none of them with
     *                      the word), so the first articles of a stream are not compared on noise
     * @param timeScale     publication gap (to the story's latest article) at which similarity falls to
     *                      1/e; null for no decay within the quiet period
     * @param spellings     whether the words of an article in Hangul stand for the entities whose names
     *                      they spell ({@link Spellings})
     * @param lateHorizon   how long after the story's latest article (publication or ingest) a newcomer may
     *                      still join it past the quiet period, by the stricter late test; null, or not above
     *                      the quiet period, for no late tier. Stories and their postings stay in state this long
     * @param lateThreshold similarity without the time factor at or above which an article joins a story
     *                      beyond the quiet period, within the late horizon
     * @param laterYearFactor what the similarity to a story counts when the article's year is more than
     *                      {@link #LATER_YEAR_GAP} after the story's latest (1: years are not compared)
     * @param sameYearFactor what the similarity of an undated article counts (at most 1) when the latest year it
     *                      names is the story's latest year (1: not compared)
     */
    public record Settings(double joinThreshold, double entityFloor, Duration timeScale, double crossLanguage,
                           int priorDocuments, boolean spellings, Duration lateHorizon, double lateThreshold,
                           double laterYearFactor, double sameYearFactor) {
        public static final Settings DEFAULT = new Settings(JOIN_THRESHOLD, ENTITY_FLOOR, TIME_SCALE, CROSS_LANGUAGE,
                PRIOR_DOCUMENTS, true, LATE_HORIZON, LATE_THRESHOLD, LATER_YEAR_FACTOR, SAME_YEAR_FACTOR);

        /** Settings with the default same-year factor. */
        public Settings(double joinThreshold, double entityFloor, Duration timeScale, double crossLanguage,
                        int priorDocuments, boolean spellings, Duration lateHorizon, double lateThreshold,
                        double laterYearFactor) {
            this(joinThreshold, entityFloor, timeScale, crossLanguage, priorDocuments, spellings, lateHorizon, lateThreshold,
                    laterYearFactor, SAME_YEAR_FACTOR);
        }

        /** Settings with the default later-year factor. */
        public Settings(double joinThreshold, double entityFloor, Duration timeScale, double crossLanguage,
                        int priorDocuments, boolean spellings, Duration lateHorizon, double lateThreshold) {
            this(joinThreshold, entityFloor, timeScale, crossLanguage, priorDocuments, spellings, lateHorizon, lateThreshold,
                    LATER_YEAR_FACTOR);
        }

        /** These settings with another later-year factor (1: a later year is not held against a story). */
        public Settings withLaterYearFactor(double factor) {
            return new Settings(joinThreshold, entityFloor, timeScale, crossLanguage, priorDocuments, spellings,
                    lateHorizon, lateThreshold, factor, sameYearFactor);
        }

        /** These settings with another same-year factor (1: the same year does not count for a story). */
        public Settings withSameYearFactor(double factor) {
            return new Settings(joinThreshold, entityFloor, timeScale, crossLanguage, priorDocuments, spellings,
                    lateHorizon, lateThreshold, laterYearFactor, factor);
        }

        /** Settings with the default late tier. */
        public Settings(double joinThreshold, double entityFloor, Duration timeScale, double crossLanguage,
                        int priorDocuments, boolean spellings) {
            this(joinThreshold, entityFloor, timeScale, crossLanguage, priorDocuments, spellings, LATE_HORIZON, LATE_THRESHOLD);
        }

        /** These settings with another late tier: {@code horizon} null (or not above the quiet period) for none. */
        public Settings withLate(Duration horizon, double threshold) {
            return new Settings(joinThreshold, entityFloor, timeScale, crossLanguage, priorDocuments, spellings,
                    horizon, threshold, laterYearFactor, sameYearFactor);
        }

        /** Settings with spellings on. */
        public Settings(double joinThreshold, double entityFloor, Duration timeScale, double crossLanguage,
                        int priorDocuments) {
            this(joinThreshold, entityFloor, timeScale, crossLanguage, priorDocuments, true);
        }
    }

    private static final int CLOSED = 0;
    private static final int OPEN = 1;
    private static final int LATE = 2;

    private final StoryIndex index;
    private final long quietMs;
    /** The late horizon, at least the quiet period: how long stories and their postings stay in state. */
    private final long horizonMs;
    private final Settings settings;

    /**
     * @param index        where stories and articles are kept
     * @param quietPeriod  a story takes no article after this long without one, and is then forgotten
     */
    public StoryAssigner(StoryIndex index, Duration quietPeriod) {
        this(index, quietPeriod, Settings.DEFAULT);
    }

    /** As {@link #StoryAssigner(StoryIndex, Duration)} with other weights (measurements). */
    public StoryAssigner(StoryIndex index, Duration quietPeriod, Settings settings) {
        this.index = Objects.requireNonNull(index, "index");
        this.settings = Objects.requireNonNull(settings, "settings");
        if (quietPeriod.isNegative() || quietPeriod.isZero()) {
            throw new IllegalArgumentException("the story quiet period must be positive, got " + quietPeriod);
        }
        this.quietMs = quietPeriod.toMillis();
        this.horizonMs = settings.lateHorizon() == null ? quietMs : Math.max(quietMs, settings.lateHorizon().toMillis());
    }

    /** The index behind this assigner. */
    public StoryIndex index() {
        return index;
    }

    /**
     * Assigns an original article (not a copy), counts its words and entities into the document
     * frequencies and remembers it. An id assigned before gets the same answer again.
     *
     * @return the story; {@code duplicateOf} is null
     */
    public StoryRef assign(ArticleFeatures given) {
        advance(given.seenAt());
        ArticleFeatures known = index.article(given.id());
        if (known != null) {
            return known.story();
        }
        int[] termKeys = termKeys(given.content());
        long frequencyExpiry = ceil(given.seenAt(), FREQUENCY_GRANULARITY_MS) + FREQUENCY_MEMORY.toMillis();
        int[] keys = concat(termKeys, entityKeys(given.entities()));
        int[] counted = index.countDocument(keys, frequencyExpiry);
        Map<Integer, Integer> frequencies = new HashMap<>(2 * keys.length);
        for (int i = 0; i < keys.length; i++) {
            frequencies.put(keys[i], counted[i]);
        }
        // the entities an article in Hangul spells: compared and posted as its own, but not counted in the
        // document frequencies, so the weights of every other article stay as they were
        ArticleFeatures article = withSpelledEntities(given);
        int[] entityKeys = entityKeys(article.entities());
        for (int k : entityKeys) {
            frequencies.computeIfAbsent(k, index::documentFrequency);
        }
        Vectors v = vectors(article, termKeys, entityKeys, frequencies, index.documents() + settings.priorDocuments());

        StoryState best = null;
        double bestScore = 0;
        Map<String, Set<Integer>> spelling = storiesSpelling(article);
        for (String storyId : candidates(article, v, spelling)) {
            StoryState s = index.story(storyId);
            int open = s == null ? CLOSED : openness(s, article);
            if (open == CLOSED) {
                continue;
            }
            double score = similarity(v, s, article, spelling.get(storyId));
            // within the quiet period the similarity must reach the join threshold; beyond it, within the late
            // horizon, the similarity without the time factor must reach the late threshold
            boolean eligible = open == OPEN ? score >= settings.joinThreshold()
                    : similarity(v, s, article, spelling.get(storyId), false) >= settings.lateThreshold();
            if (!eligible) {
                continue;
            }
            if (score > bestScore || (score == bestScore && best != null && storyId.compareTo(best.id()) < 0)) {
                best = s;
                bestScore = score;
            }
        }
        StoryRef ref;
        StoryState story;
        if (best != null) {
            ref = new StoryRef(best.id(), null, round(bestScore));
            story = joined(best, article, v);
        } else {
            ref = new StoryRef(STORY_PREFIX + article.id(), null, 1.0);
            story = new StoryState(ref.id(), article.seenAt(), article.seenAt(), article.publishedAt(), 1,
                    article.language(), v.terms(), v.entities(), article.year());
        }
        remember(article, ref, story, v);
        return ref;
    }

    /**
     * Assigns a near-verbatim copy of {@code originalId}: the original's story, with {@code duplicateOf}
     * set. The copy counts towards the story but changes neither its centroid nor the document
     * frequencies (the original did).
     *
     * @param copy features of the copy (its own id and times)
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
        StoryState story = s != null ? joined(s, copy, null)
                : new StoryState(storyId, copy.seenAt(), copy.seenAt(), copy.publishedAt(), 1, copy.language(),
                        TermVector.EMPTY, TermVector.EMPTY, copy.year());
        remember(copy, ref, story, null);
        return ref;
    }

    /**
     * {@code article} with the entities its words spell added after its own ({@link Spellings}): per word,
     * the entities filed under the key of its longest reading that has any; salience
     * {@code (1 + ln count) / (1 + ln max count)}. The article itself when it has no spellings.
     */
    ArticleFeatures withSpelledEntities(ArticleFeatures article) {
        int[] s = article.spellings();
        if (s.length == 0 || !settings.spellings() || article.entities().size() >= SPELLED_ENTITIES) {
            return article;
        }
        Map<Integer, List<String>> named = new HashMap<>();
        Map<String, Double> counts = new LinkedHashMap<>();
        int words = 0;
        int i = 0;
        while (i < s.length) {
            int count = s[i++];
            int levels = s[i++];
            boolean found = false;
            for (int l = 0; l < levels; l++) {
                int n = s[i++];
                if (!found) {
                    Set<String> ids = new LinkedHashSet<>();
                    for (int k = 0; k < n; k++) {
                        ids.addAll(named.computeIfAbsent(s[i + k], index::entitiesNamed));
                    }
                    for (String id : ids) {
                        counts.merge(id, (double) count, Double::sum);
                    }
                    found = !ids.isEmpty();
                    if (found) {
                        words++;
                    }
                }
                i += n;
            }
        }
        counts.keySet().removeAll(article.entities().keySet());
        if (counts.isEmpty() || words < MIN_SPELLED_WORDS) {
            return article;
        }
        double max = counts.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
        List<Map.Entry<String, Double>> ranked = new ArrayList<>(counts.entrySet());
        ranked.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
        Map<String, Double> entities = new LinkedHashMap<>(article.entities());
        for (Map.Entry<String, Double> e : ranked) {
            if (entities.size() >= SPELLED_ENTITIES) {
                break;
            }
            entities.put(e.getKey(), (1 + Math.log(e.getValue())) / (1 + Math.log(max)));
        }
        return new ArticleFeatures(article.id(), article.story(), article.seenAt(), article.publishedAt(),
                article.language(), entities, article.content(), article.names(), article.spellings(), article.year());
    }

    /** An article's unit word and entity vectors under the current document frequencies. */
    private record Vectors(TermVector terms, TermVector entities, int[] postedTerms) {
        Vectors(TermVector terms, TermVector entities) {
            this(terms, entities, terms.top(POSTED_TERMS));
        }
    }

    /**
     * Similarity of an article to a story, in [0, 1]; {@code spelled}: the keys of the article's entities
     * whose names the words of the story's Hangul articles spell, or null.
     */
    private double similarity(Vectors v, StoryState story, ArticleFeatures article, Set<Integer> spelled) {
        return similarity(v, story, article, spelled, true);
    }

    private double similarity(Vectors v, StoryState story, ArticleFeatures article, Set<Integer> spelled, boolean decay) {
        double words = v.terms().cosine(story.terms());
        double entities = v.entities().cosine(story.entities());
        double floor = settings.entityFloor();
        double s = words * (floor + (1 - floor) * entities);
        if (article.language() != null && story.language() != null && !article.language().equals(story.language())) {
            s = Math.max(s, settings.crossLanguage() * entities);
            if (spelled != null && spelled.size() >= MIN_SPELLED_WORDS) {
                // the cosine with a story whose entities are the spelled ones, equally weighted
                s = Math.max(s, settings.crossLanguage() * weightOf(v.entities(), spelled) / Math.sqrt(spelled.size()));
            }
        }
        if (article.year() > 0 && story.latestYear() > 0 && article.year() > story.latestYear() + LATER_YEAR_GAP) {
            s *= settings.laterYearFactor();
        } else if (article.publishedAt() == null && article.year() > 0 && article.year() == story.latestYear()) {
            s = Math.min(1, s * settings.sameYearFactor());
        }
        if (decay && settings.timeScale() != null && article.publishedAt() != null && story.lastPublished() != null) {
            s *= Math.exp(-(double) Math.abs(article.publishedAt() - story.lastPublished()) / settings.timeScale().toMillis());
        }
        return s;
    }

    private static Vectors vectors(ArticleFeatures article, int[] termKeys, int[] entityKeys,
                                   Map<Integer, Integer> frequencies, long documents) {
        int[] counts = article.content();
        double[] w = new double[termKeys.length];
        for (int i = 0; i < termKeys.length; i++) {
            w[i] = (1 + Math.log(counts[2 * i + 1])) * idf(frequencies.get(termKeys[i]), documents);
        }
        double[] e = new double[entityKeys.length];
        int i = 0;
        for (double salience : article.entities().values()) {
            e[i] = salience * idf(frequencies.get(entityKeys[i]), documents);
            i++;
        }
        return new Vectors(TermVector.of(termKeys, w).unit(), TermVector.of(entityKeys, e).unit());
    }

    /** Smoothed inverse document frequency: {@code ln((N + 1) / (df + 1)) + 1}. */
    static double idf(int documentFrequency, long documents) {
        return Math.log((documents + 1.0) / (documentFrequency + 1.0)) + 1;
    }

    /** The key under which an entity id is counted and compared (apart from any word's key). */
    static int entityKey(String entityId) {
        return (int) MinHasher.hash("\u0001entity:" + entityId);
    }

    private static int[] termKeys(int[] counts) {
        int[] keys = new int[counts.length / 2];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = counts[2 * i];
        }
        return keys;
    }

    private static int[] entityKeys(Map<String, Double> entities) {
        int[] keys = new int[entities.size()];
        int i = 0;
        for (String id : entities.keySet()) {
            keys[i++] = entityKey(id);
        }
        return keys;
    }

    private static int[] concat(int[] a, int[] b) {
        Set<Integer> keys = new LinkedHashSet<>();
        for (int k : a) {
            keys.add(k);
        }
        for (int k : b) {
            keys.add(k);
        }
        return keys.stream().mapToInt(Integer::intValue).toArray();
    }

    private void advance(long seenAt) {
        long watermark = Math.max(index.watermark(), seenAt);
        index.watermark(watermark);
        index.expire(watermark);
    }

    /**
     * {@link #OPEN} when the article is within the quiet period of the story's latest article (by ingest time
     * and, when both are known, publication time), {@link #LATE} when beyond it but within the late horizon,
     * {@link #CLOSED} otherwise.
     */
    private int openness(StoryState s, ArticleFeatures a) {
        long seenGap = a.seenAt() - s.lastSeen();
        long publishedGap = a.publishedAt() == null || s.lastPublished() == null ? Long.MIN_VALUE
                : a.publishedAt() - s.lastPublished();
        long gap = Math.max(seenGap, publishedGap);
        if (gap <= quietMs) {
            return OPEN;
        }
        return gap <= horizonMs ? LATE : CLOSED;
    }

    /**
     * For an article with entity names, the stories of Hangul articles whose words spell them (a story
     * begun by an article in Hangul has no entities to find it by): story id to the keys of the entities
     * spelled. Empty when spellings are off.
     */
    private Map<String, Set<Integer>> storiesSpelling(ArticleFeatures article) {
        if (!settings.spellings() || article.names().isEmpty()) {
            return Map.of();
        }
        Map<String, Set<Integer>> out = new HashMap<>();
        for (Map.Entry<Integer, String> name : article.names().entrySet()) {
            for (String storyId : index.storiesSpelling(name.getKey())) {
                out.computeIfAbsent(storyId, k -> new TreeSet<>()).add(entityKey(name.getValue()));
            }
        }
        return out;
    }

    /** The summed weights of {@code keys} in {@code vector}. */
    private static double weightOf(TermVector vector, Set<Integer> keys) {
        double w = 0;
        for (int k : keys) {
            w += vector.weightOf(k);
        }
        return w;
    }

    /** Story ids worth a full comparison, best pre-score first (ties by id, so every run agrees). */
    private List<String> candidates(ArticleFeatures article, Vectors v, Map<String, Set<Integer>> spelling) {
        Map<String, Double> pre = new HashMap<>();
        for (Map.Entry<String, Set<Integer>> e : spelling.entrySet()) {
            pre.merge(e.getKey(), weightOf(v.entities(), e.getValue()), Double::sum);
        }
        int n = 0;
        for (Map.Entry<String, Double> e : article.entities().entrySet()) {
            if (n++ == POSTED_ENTITIES) {
                break;
            }
            for (String storyId : index.storiesWithEntity(e.getKey())) {
                pre.merge(storyId, e.getValue(), Double::sum);
            }
        }
        for (int term : v.postedTerms()) {
            for (String storyId : index.storiesInBucket(term)) {
                pre.merge(storyId, v.terms().weightOf(term), Double::sum);
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

    /** {@code s} with {@code a} added; {@code v} null for a copy, which leaves the centroid as it is. */
    private static StoryState joined(StoryState s, ArticleFeatures a, Vectors v) {
        // if/else, not a nested conditional: mixing Long and long there unboxes a null and throws
        Long lastPublished = s.lastPublished();
        if (a.publishedAt() != null) {
            lastPublished = lastPublished == null ? a.publishedAt() : Math.max(lastPublished, a.publishedAt());
        }
        TermVector terms = v == null ? s.terms() : s.terms().plus(v.terms(), CENTROID_TERMS);
        TermVector entities = v == null ? s.entities() : s.entities().plus(v.entities(), CENTROID_ENTITIES);
        // a copy's year is its original's; only originals move the story's
        int latestYear = v == null ? s.latestYear() : Math.max(s.latestYear(), a.year());
        return new StoryState(s.id(), s.firstSeen(), Math.max(s.lastSeen(), a.seenAt()), lastPublished,
                s.articles() + 1, s.language(), terms, entities, latestYear);
    }

    private void remember(ArticleFeatures article, StoryRef ref, StoryState story, Vectors v) {
        // what a redelivery or a copy needs: the story; the vectors live in the story's centroid
        index.putArticle(new ArticleFeatures(article.id(), ref, article.seenAt(), article.publishedAt(),
                Map.of(), new int[0]), article.seenAt() + quietMs);
        // the story and what finds it stay for the late horizon, so that a late article can still join it
        long expiresAt = article.seenAt() + horizonMs;
        index.putStory(story, story.lastSeen() + horizonMs);
        if (v == null) {
            return;
        }
        int n = 0;
        for (String entityId : article.entities().keySet()) {
            if (n++ == POSTED_ENTITIES) {
                break;
            }
            index.addStoryToEntity(entityId, story.id(), POSTING_CAP, expiresAt);
        }
        for (int term : v.postedTerms()) {
            index.addStoryToBucket(term, story.id(), BUCKET_CAP, expiresAt);
        }
        for (Map.Entry<Integer, String> name : article.names().entrySet()) {
            index.addEntityName(name.getKey(), name.getValue(), NAME_CAP, expiresAt);
        }
        if (settings.spellings()) {
            for (int key : postedSpellings(article.spellings())) {
                index.addStorySpelling(key, story.id(), BUCKET_CAP, expiresAt);
            }
        }
    }

    /** The keys of every reading of the first {@value #POSTED_SPELLINGS} words of {@code spellings}, each once. */
    static Set<Integer> postedSpellings(int[] spellings) {
        Set<Integer> out = new LinkedHashSet<>();
        int i = 0;
        int words = 0;
        while (i < spellings.length && words++ < POSTED_SPELLINGS) {
            i++;
            int levels = spellings[i++];
            for (int l = 0; l < levels; l++) {
                int n = spellings[i++];
                for (int k = 0; k < n; k++) {
                    out.add(spellings[i + k]);
                }
                i += n;
            }
        }
        return out;
    }

    private static long ceil(long t, long granularity) {
        long r = Math.floorMod(t, granularity);
        return r == 0 ? t : t - r + granularity;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
