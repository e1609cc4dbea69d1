package io.newsstream.enrich.stories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.newsstream.common.model.StoryRef;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoryAssignerTest {

    private static final long HOUR = 3_600_000L;
    private static final long T0 = 1_767_225_600_000L;
    private final InMemoryStoryIndex index = new InMemoryStoryIndex();
    private final StoryAssigner assigner = new StoryAssigner(index, Duration.ofDays(3));

    private static ArticleFeatures article(String id, long seenAt, String text, String... entities) {
        Map<String, Double> e = new LinkedHashMap<>();
        for (int i = 0; i < entities.length; i++) {
            e.put(entities[i], 1.0 - i * 0.1);
        }
        return new ArticleFeatures(id, null, seenAt, seenAt, e, StoryFeatures.contentTerms(null, text));
    }

    private static final String BRIDGE = "bridge opened estuary trains cars construction engineers ceremony crossing harbour";
    private static final String BRIDGE_2 = "bridge crowds crossed estuary trains construction engineers praised harbour travel";
    private static final String BRIDGE_TOLLS = "bridge tolls estuary commuters trains fares council ferry delays harbour";
    private static final String BUDGET = "budget tax spending deficit parliament vote pensions schools hospitals debt";

    @Test
    void shouldJoinASimilarArticleToTheStoryOfTheFirst() {
        StoryRef first = assigner.assign(article("a", T0, BRIDGE, "ent_lopez", "ent_porto"));
        StoryRef second = assigner.assign(article("b", T0 + HOUR, BRIDGE_2, "ent_porto", "ent_lopez"));

        assertThat(first).isEqualTo(new StoryRef("st_a", null, 1.0));
        assertThat(second.id()).isEqualTo("st_a");
        assertThat(second.similarity()).isGreaterThanOrEqualTo(StoryAssigner.JOIN_THRESHOLD);
        assertThat(index.story("st_a").articles()).isEqualTo(2);
    }

    @Test
    void shouldJoinArticlesWithoutAPublicationDate() {
        Map<String, Double> e = Map.of("ent_lopez", 1.0, "ent_porto", 0.9);
        assigner.assign(new ArticleFeatures("a", null, T0, null, e, StoryFeatures.contentTerms(null, BRIDGE)));
        StoryRef second = assigner.assign(new ArticleFeatures("b", null, T0 + HOUR, null, e,
                StoryFeatures.contentTerms(null, BRIDGE_2)));

        assertThat(second.id()).isEqualTo("st_a");
        assertThat(index.story("st_a").lastPublished()).isNull();
    }

    @Test
    void shouldKeepTheSamePeopleInAnotherEventApart() {
        assigner.assign(article("a", T0, BRIDGE, "ent_lopez", "ent_smith"));

        assertThat(assigner.assign(article("b", T0 + HOUR, BUDGET, "ent_lopez", "ent_smith")).id()).isEqualTo("st_b");
    }

    @Test
    void shouldScoreSharedEntitiesAboveTheSameWordsWithOtherActors() {
        StoryAssigner other = new StoryAssigner(new InMemoryStoryIndex(), Duration.ofDays(3));
        assigner.assign(article("a", T0, BRIDGE, "ent_lopez", "ent_porto"));
        other.assign(article("a", T0, BRIDGE, "ent_lopez", "ent_porto"));

        double same = assigner.assign(article("b", T0 + HOUR, BRIDGE_2, "ent_lopez", "ent_porto")).similarity();
        StoryRef otherActors = other.assign(article("b", T0 + HOUR, BRIDGE_2, "ent_brown", "ent_lisbon"));

        double withOtherActors = otherActors.id().equals("st_a") ? otherActors.similarity() : 0;
        assertThat(same).isGreaterThan(StoryAssigner.JOIN_THRESHOLD);
        assertThat(withOtherActors).as("the same words without one shared entity is weaker evidence").isLessThan(same * 0.8);
    }

    @Test
    void shouldWeighAWordByTheStreamsOwnDocumentFrequency() {
        // "council" is in every article of the stream so far, so sharing it says little
        for (int i = 0; i < 20; i++) {
            assigner.assign(article("n" + i, T0 + i * 60_000L, "council meeting topic" + (char) ('a' + i) + " agenda" + (char) ('a' + i),
                    "ent_town" + i));
        }
        assertThat(index.documents()).isEqualTo(20);
        assertThat(index.documentFrequency(TextFeatures.termKey("council"))).isEqualTo(20);
        assertThat(index.documentFrequency(TextFeatures.termKey("meeting"))).isEqualTo(20);

        StoryRef r = assigner.assign(article("x", T0 + HOUR, "council meeting flood river levee evacuation", "ent_river"));

        assertThat(r.id()).as("two common words are not a story").isEqualTo("st_x");
    }

    @Test
    void shouldJoinAnArticleInAnotherLanguageOnItsEntities() {
        Map<String, Double> e = new LinkedHashMap<>();
        e.put("ent_lopez", 1.0);
        e.put("ent_porto", 0.8);
        e.put("ent_bridge_company", 0.6);
        assigner.assign(new ArticleFeatures("a", null, T0, T0, "en", e, StoryFeatures.contentTerms(null, BRIDGE)));
        StoryRef german = assigner.assign(new ArticleFeatures("b", null, T0 + HOUR, T0 + HOUR, "de", e,
                StoryFeatures.contentTerms(null, "Brücke eröffnet Mündung Züge Autos Bau Ingenieure Zeremonie Hafen")));
        StoryRef french = assigner.assign(new ArticleFeatures("c", null, T0 + HOUR, T0 + HOUR, "fr", Map.of("ent_smith", 1.0),
                StoryFeatures.contentTerms(null, "Budget impôts dépenses déficit parlement vote retraites écoles")));

        assertThat(german.id()).isEqualTo("st_a");
        assertThat(french.id()).as("another language and no shared entity").isEqualTo("st_c");
        assertThat(index.story("st_a").language()).isEqualTo("en");
    }

    @Test
    void shouldCloseAStoryAfterTheLateHorizonAndForgetIt() {
        assigner.assign(article("a", T0, BRIDGE, "ent_lopez", "ent_porto"));

        StoryRef late = assigner.assign(article("b", T0 + 7 * 24 * HOUR + HOUR, BRIDGE, "ent_lopez", "ent_porto"));

        assertThat(late.id()).as("the same words, after the late horizon").isEqualTo("st_b");
        assertThat(index.story("st_a")).isNull();
        assertThat(index.article("a")).isNull();
    }

    @Test
    void shouldForgetAnArticleAfterTheQuietPeriodButKeepItsStoryForTheLateHorizon() {
        assigner.assign(article("a", T0, BRIDGE, "ent_lopez", "ent_porto"));

        assigner.assign(article("b", T0 + 73 * HOUR, BUDGET, "ent_treasury"));

        assertThat(index.article("a")).isNull();
        assertThat(index.story("st_a")).isNotNull();
    }

    @Test
    void shouldTakeARetellingOfTheEventAfterTheQuietPeriodWithinTheLateHorizon() {
        assigner.assign(article("a", T0, BRIDGE, "ent_lopez", "ent_porto"));

        StoryRef retold = assigner.assign(article("b", T0 + 5 * 24 * HOUR, BRIDGE + " opening", "ent_lopez", "ent_porto"));

        assertThat(retold.id()).as("the same event five days on: similarity without the time factor above the late threshold")
                .isEqualTo("st_a");
        assertThat(retold.similarity()).as("reported with the time factor").isLessThan(0.5);
        assertThat(index.story("st_a").lastPublished()).isEqualTo(T0 + 5 * 24 * HOUR);
    }

    @Test
    void shouldHoldAMerelySimilarArticleToTheLateThresholdAfterTheQuietPeriod() {
        StoryAssigner soon = new StoryAssigner(new InMemoryStoryIndex(), Duration.ofDays(3));
        soon.assign(article("a", T0, BRIDGE, "ent_lopez", "ent_porto"));
        StoryRef nextDay = soon.assign(article("b", T0 + 24 * HOUR, BRIDGE_TOLLS, "ent_porto"));
        assertThat(nextDay.id()).as("within the quiet period the join threshold applies").isEqualTo("st_a");
        assertThat(nextDay.similarity() / Math.exp(-1.0 / 7)).as("similarity without the time factor")
                .isBetween(StoryAssigner.JOIN_THRESHOLD, StoryAssigner.LATE_THRESHOLD);

        assigner.assign(article("a", T0, BRIDGE, "ent_lopez", "ent_porto"));
        StoryRef late = assigner.assign(article("b", T0 + 5 * 24 * HOUR, BRIDGE_TOLLS, "ent_porto"));

        assertThat(late.id()).as("the same similarity five days on is below the late threshold").isEqualTo("st_b");
    }

    @Test
    void shouldCloseAStoryAfterTheQuietPeriodWithoutALateTier() {
        InMemoryStoryIndex plain = new InMemoryStoryIndex();
        StoryAssigner noLate = new StoryAssigner(plain, Duration.ofDays(3), StoryAssigner.Settings.DEFAULT.withLate(null, 1.0));
        noLate.assign(article("a", T0, BRIDGE, "ent_lopez", "ent_porto"));

        StoryRef late = noLate.assign(article("b", T0 + 73 * HOUR, BRIDGE, "ent_lopez", "ent_porto"));

        assertThat(late.id()).isEqualTo("st_b");
        assertThat(plain.story("st_a")).isNull();
    }

    @Test
    void shouldGiveACopyItsOriginalsStoryAndARedeliveryTheSameAnswer() {
        assigner.assign(article("a", T0, BRIDGE, "ent_lopez"));

        StoryRef copy = assigner.assignCopy(article("c", T0 + HOUR, BRIDGE, "ent_lopez"), "a", 0.93);

        assertThat(copy).isEqualTo(new StoryRef("st_a", "a", 0.93));
        assertThat(assigner.assignCopy(article("c", T0 + 2 * HOUR, BRIDGE, "ent_lopez"), "a", 0.5)).isEqualTo(copy);
        assertThat(assigner.assign(article("a", T0 + 2 * HOUR, BRIDGE, "ent_lopez"))).isEqualTo(new StoryRef("st_a", null, 1.0));
    }

    /** {@code a} undated, of {@code year}. */
    private static ArticleFeatures ofYear(ArticleFeatures a, int year) {
        return new ArticleFeatures(a.id(), null, a.seenAt(), null, a.language(), a.entities(), a.content(), a.names(),
                a.spellings(), year);
    }

    /** The similarity {@code second} joins {@code first}'s story with, in a fresh assigner. */
    private static StoryRef secondOf(ArticleFeatures first, ArticleFeatures second) {
        StoryAssigner fresh = new StoryAssigner(new InMemoryStoryIndex(), Duration.ofDays(3));
        fresh.assign(first);
        return fresh.assign(second);
    }

    @Test
    void shouldCountHalfTheSimilarityOfAnUndatedArticleNamingAYearWellAfterItsStorys() {
        ArticleFeatures first = ofYear(article("a", T0, BRIDGE, "ent_lopez", "ent_porto"), 2008);
        ArticleFeatures same = article("b", T0 + HOUR, BRIDGE, "ent_lopez", "ent_porto");

        StoryRef within = secondOf(first, ofYear(same, 2008 + StoryAssigner.LATER_YEAR_GAP));
        StoryRef later = secondOf(first, ofYear(same, 2008 + StoryAssigner.LATER_YEAR_GAP + 1));

        assertThat(within.id()).isEqualTo("st_a");
        assertThat(later.id()).isEqualTo("st_a");
        assertThat(later.similarity()).isCloseTo(within.similarity() * StoryAssigner.LATER_YEAR_FACTOR, within(0.001));
    }

    @Test
    void shouldStartAStoryForAnArticleOfALaterYearThatWouldJoinOtherwise() {
        ArticleFeatures first = ofYear(article("a", T0, BRIDGE, "ent_lopez", "ent_porto"), 2008);
        ArticleFeatures next = article("b", T0 + HOUR, BRIDGE_TOLLS, "ent_porto");
        // a year within the gap, not the story's own, which would count for it
        StoryRef withinGap = secondOf(first, ofYear(next, 2008 + StoryAssigner.LATER_YEAR_GAP));
        assertThat(withinGap.id()).isEqualTo("st_a");
        assertThat(withinGap.similarity() * StoryAssigner.LATER_YEAR_FACTOR).as("halved, it misses the threshold")
                .isLessThan(StoryAssigner.JOIN_THRESHOLD);

        assertThat(secondOf(first, ofYear(next, 2013)).id()).isEqualTo("st_b");
    }

    @Test
    void shouldCountMoreTheSimilarityOfAnUndatedArticleNamingItsStorysYear() {
        ArticleFeatures first = ofYear(article("a", T0, BRIDGE, "ent_lopez", "ent_porto"), 2008);
        ArticleFeatures next = article("b", T0 + HOUR, BRIDGE_TOLLS, "ent_porto");

        StoryRef otherYear = secondOf(first, ofYear(next, 2007));
        StoryRef sameYear = secondOf(first, ofYear(next, 2008));

        assertThat(otherYear.id()).isEqualTo("st_a");
        assertThat(sameYear.id()).isEqualTo("st_a");
        assertThat(sameYear.similarity()).isCloseTo(Math.min(1, otherYear.similarity() * StoryAssigner.SAME_YEAR_FACTOR), within(0.001));
        assertThat(sameYear.similarity()).isGreaterThan(otherYear.similarity());
    }

    @Test
    void shouldJoinAnUndatedArticleOfItsStorysYearThatWouldNotJoinOtherwise() {
        ArticleFeatures first = ofYear(article("a", T0, BRIDGE, "ent_lopez", "ent_porto"), 2008);
        // three words in common and no entity: similarity 0.19, below the threshold on its own
        ArticleFeatures next = article("b", T0 + HOUR, "bridge estuary harbour tolls commuters fares council ferry delays budget");

        assertThat(secondOf(first, ofYear(next, 0)).id()).isEqualTo("st_b");
        assertThat(secondOf(first, ofYear(next, 2008)).id()).isEqualTo("st_a");
    }

    @Test
    void shouldNotCountTheSameYearForADatedArticle() {
        // a dated article's year is its publication year, which every story open beside it shares
        ArticleFeatures first = ofYear(article("a", T0, BRIDGE, "ent_lopez", "ent_porto"), 2025);
        ArticleFeatures undated = ofYear(article("b", T0 + HOUR, BRIDGE_TOLLS, "ent_porto"), 2025);
        ArticleFeatures dated = new ArticleFeatures("b", null, T0 + HOUR, T0 + HOUR, null, undated.entities(), undated.content(),
                Map.of(), new int[0], 2025);

        assertThat(secondOf(first, dated).similarity()).isCloseTo(secondOf(first, ofYear(undated, 0)).similarity(), within(0.001));
        assertThat(secondOf(first, undated).similarity()).isGreaterThan(secondOf(first, dated).similarity());
    }

    @Test
    void shouldHoldNeitherAnEarlierYearNorAnUnknownOneAgainstAStory() {
        ArticleFeatures first = article("a", T0, BRIDGE, "ent_lopez", "ent_porto");
        ArticleFeatures next = article("b", T0 + HOUR, BRIDGE_2, "ent_porto", "ent_lopez");
        StoryRef unknown = secondOf(ofYear(first, 0), ofYear(next, 0));
        assertThat(unknown.id()).isEqualTo("st_a");

        // an article names the years before it as background; a story or an article without a year is not compared
        assertThat(secondOf(ofYear(first, 2013), ofYear(next, 2001))).isEqualTo(unknown);
        assertThat(secondOf(ofYear(first, 0), ofYear(next, 2020))).isEqualTo(unknown);
        assertThat(secondOf(ofYear(first, 2008), ofYear(next, 0))).isEqualTo(unknown);
    }

    @Test
    void shouldKeepAStorysLatestYearOverItsArticles() {
        assigner.assign(ofYear(article("a", T0, BRIDGE, "ent_lopez", "ent_porto"), 2008));
        assigner.assign(ofYear(article("b", T0 + HOUR, BRIDGE, "ent_lopez", "ent_porto"), 2010));
        assigner.assign(ofYear(article("c", T0 + 2 * HOUR, BRIDGE, "ent_lopez", "ent_porto"), 2009));

        assertThat(index.story("st_a").articles()).isEqualTo(3);
        assertThat(index.story("st_a").latestYear()).isEqualTo(2010);
    }
}
