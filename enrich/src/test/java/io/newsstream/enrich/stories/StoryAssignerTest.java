package io.newsstream.enrich.stories;

import static org.assertj.core.api.Assertions.assertThat;

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
        return new ArticleFeatures(id, null, seenAt, seenAt, e, StoryFeatures.contentSignature(null, text));
    }

    private static final String BRIDGE = "bridge opened estuary trains cars construction engineers ceremony crossing harbour";
    private static final String BRIDGE_2 = "bridge crowds crossed estuary trains construction engineers praised harbour travel";
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
        assigner.assign(new ArticleFeatures("a", null, T0, null, e, StoryFeatures.contentSignature(null, BRIDGE)));
        StoryRef second = assigner.assign(new ArticleFeatures("b", null, T0 + HOUR, null, e,
                StoryFeatures.contentSignature(null, BRIDGE_2)));

        assertThat(second.id()).isEqualTo("st_a");
        assertThat(index.story("st_a").lastPublished()).isNull();
    }

    @Test
    void shouldKeepTheSamePeopleInAnotherEventApart() {
        assigner.assign(article("a", T0, BRIDGE, "ent_lopez", "ent_smith"));

        assertThat(assigner.assign(article("b", T0 + HOUR, BUDGET, "ent_lopez", "ent_smith")).id()).isEqualTo("st_b");
    }

    @Test
    void shouldNotJoinWithoutSharedEntitiesEvenWithSharedWords() {
        assigner.assign(article("a", T0, BRIDGE, "ent_lopez"));

        assertThat(assigner.assign(article("b", T0 + HOUR, BRIDGE, "ent_brown")).id()).isEqualTo("st_b");
    }

    @Test
    void shouldCloseAStoryAfterTheQuietPeriodAndForgetIt() {
        assigner.assign(article("a", T0, BRIDGE, "ent_lopez", "ent_porto"));

        StoryRef late = assigner.assign(article("b", T0 + 73 * HOUR, BRIDGE_2, "ent_lopez", "ent_porto"));

        assertThat(late.id()).isEqualTo("st_b");
        assertThat(index.story("st_a")).isNull();
        assertThat(index.article("a")).isNull();
    }

    @Test
    void shouldGiveACopyItsOriginalsStoryAndARedeliveryTheSameAnswer() {
        assigner.assign(article("a", T0, BRIDGE, "ent_lopez"));

        StoryRef copy = assigner.assignCopy(article("c", T0 + HOUR, BRIDGE, "ent_lopez"), "a", 0.93);

        assertThat(copy).isEqualTo(new StoryRef("st_a", "a", 0.93));
        assertThat(assigner.assignCopy(article("c", T0 + 2 * HOUR, BRIDGE, "ent_lopez"), "a", 0.5)).isEqualTo(copy);
        assertThat(assigner.assign(article("a", T0 + 2 * HOUR, BRIDGE, "ent_lopez"))).isEqualTo(new StoryRef("st_a", null, 1.0));
    }
}
