package io.newsstream.enrich.stories;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstream.common.model.Entity;
import io.newsstream.common.model.EntityType;
import io.newsstream.common.model.StoryRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Romanisation, sound keys and story assignment of articles in Hangul. Every name here is invented for
 * the test: a company "Dorimbang" (도림방) with its "Dorimbang Electronics" (도림방전자), a product
 * "Tronix" (트로닉스), a chief executive "Lee Geon-taek" (이건택) and a director "Pyo Mun-seok" (표문석); and ten
 * more companies spelled as the Revised Romanization reads them ("Maronik", 마로닉).
 */
class HangulSpellingTest {

    private static final long HOUR = 3_600_000L;
    private static final long T0 = 1_767_225_600_000L;

    @Test
    void shouldRomanizeSyllablesByTheirParts() {
        assertThat(Hangul.romanize("도림방")).isEqualTo("dorimbang");
        assertThat(Hangul.romanize("한글")).isEqualTo("hangeul");
        assertThat(Hangul.romanize("값")).isEqualTo("gap");
        assertThat(Hangul.romanize("트로닉스")).isEqualTo("teuronikseu");
        assertThat(Hangul.romanize("트로닉스", true)).isEqualTo("troniks");
        assertThat(Hangul.romanize("a도b")).isEqualTo("do");
    }

    @Test
    void shouldStripOneParticleButKeepTwoSyllables() {
        assertThat(Hangul.stripParticle("도림방은")).isEqualTo("도림방");
        assertThat(Hangul.stripParticle("도림방에서")).isEqualTo("도림방");
        assertThat(Hangul.stripParticle("트로닉스를")).isEqualTo("트로닉스");
        assertThat(Hangul.stripParticle("가을")).isEqualTo("가을");
    }

    @Test
    void shouldGiveARomanisationAndTheEnglishSpellingOneKey() {
        assertThat(PhoneticKey.of(Hangul.romanize("도림방", true))).isEqualTo(PhoneticKey.of("Dorimbang"));
        assertThat(PhoneticKey.of(Hangul.romanize("트로닉스", true))).isEqualTo(PhoneticKey.of("Tronix"));
        assertThat(PhoneticKey.of(Hangul.romanize("표문석", true))).isEqualTo(PhoneticKey.of("Pyo Moon-suk"));
        assertThat(Hangul.spellings("이건택").stream().map(PhoneticKey::of))
                .contains(PhoneticKey.of("Lee Geon-taek"))
                .contains(PhoneticKey.of("Rhee Gun-taek"));
        assertThat(PhoneticKey.of("Dorimbang")).isNotEqualTo(PhoneticKey.of("Tronix"));
        assertThat(PhoneticKey.of("Dorimbang")).isNotEqualTo(PhoneticKey.of("Durban"));
    }

    @Test
    void shouldNotTrustShortKeys() {
        assertThat(PhoneticKey.usable(PhoneticKey.of("Suwol"))).isFalse();
        assertThat(PhoneticKey.usable(PhoneticKey.of("Dorimbang"))).isTrue();
    }

    @Test
    void shouldKeyOnlyArticlesMostlyInHangul() {
        assertThat(Spellings.ofText("Dorimbang buys Tronix", "Dorimbang agreed to buy the chip maker 트로닉스")).isEmpty();
        assertThat(Spellings.ofText("도림방, 트로닉스 인수", "도림방전자는 트로닉스를 인수했다")).isNotEmpty();
    }

    @Test
    void shouldJoinAHangulArticleToTheStoryOfItsEnglishCoverage() {
        StoryAssigner assigner = new StoryAssigner(new InMemoryStoryIndex(), Duration.ofDays(3));
        assigner.assign(english("a", T0));

        StoryRef korean = assigner.assign(korean("k", T0 + HOUR, DEAL_TITLE, DEAL));
        StoryRef unrelated = assigner.assign(korean("u", T0 + 2 * HOUR, STORM_TITLE, STORM));

        assertThat(korean.id()).isEqualTo("st_a");
        assertThat(unrelated.id()).isEqualTo("st_u");
    }

    @Test
    void shouldJoinEnglishCoverageToTheStoryOfAHangulArticle() {
        StoryAssigner assigner = new StoryAssigner(new InMemoryStoryIndex(), Duration.ofDays(3));
        assigner.assign(korean("k", T0, DEAL_TITLE, DEAL));
        assigner.assign(korean("u", T0 + HOUR, STORM_TITLE, STORM));

        assertThat(assigner.assign(english("a", T0 + 2 * HOUR)).id()).isEqualTo("st_k");
    }

    @Test
    void shouldNotJoinOnOneSpelledName() {
        StoryAssigner assigner = new StoryAssigner(new InMemoryStoryIndex(), Duration.ofDays(3));
        assigner.assign(english("a", T0));

        assertThat(assigner.assign(korean("k", T0 + HOUR, "도림방 주가", "도림방 주가가 올랐다 시장 거래 투자자 관심")).id())
                .isEqualTo("st_k");
    }

    @Test
    void shouldNotJoinWithSpellingsOff() {
        StoryAssigner.Settings d = StoryAssigner.Settings.DEFAULT;
        StoryAssigner assigner = new StoryAssigner(new InMemoryStoryIndex(), Duration.ofDays(3),
                new StoryAssigner.Settings(d.joinThreshold(), d.entityFloor(), d.timeScale(), d.crossLanguage(),
                        d.priorDocuments(), false));
        assigner.assign(english("a", T0));

        assertThat(assigner.assign(korean("k", T0 + HOUR, DEAL_TITLE, DEAL)).id()).isEqualTo("st_k");
    }

    @Test
    void shouldCompareAHangulArticleOnMoreSpelledEntitiesThanANamedOne() {
        StoryAssigner assigner = new StoryAssigner(new InMemoryStoryIndex(), Duration.ofDays(3));
        // two English articles of two stories, six invented companies each, whose names the Korean words spell
        assigner.assign(companies("a", T0, "Hanbisol", "Maronik", "Sodamgil", "Naritek", "Bugangsan", "Daonsol"));
        assigner.assign(companies("b", T0 + HOUR, "Garambit", "Boranik", "Tamion", "Rabenko", "Dorimbang", "Tronix"));
        String words = "한비솔 마로닉 소담길 나리텍 부강산 다온솔 가람빛 보라닉 타미온 라벤코 도림방 트로닉스";
        ArticleFeatures korean = korean("k", T0 + 2 * HOUR, "업계 동향", words + " " + words);

        Map<String, Double> spelled = assigner.withSpelledEntities(korean).entities();

        assertThat(spelled).hasSize(12).hasSizeGreaterThan(StoryFeatures.TOP_ENTITIES);
    }

    private static ArticleFeatures companies(String id, long t, String... names) {
        List<Entity> entities = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            entities.add(entity("ent_" + names[i].toLowerCase(), names[i], List.of(), 1.0 - 0.1 * i));
        }
        String text = String.join(", ", names) + " reported results.";
        return new ArticleFeatures(id, null, t, t, "en", StoryFeatures.entityWeights(entities),
                StoryFeatures.contentTerms(names[0] + " results", text), Spellings.ofEntities(entities), new int[0]);
    }

    private static final String DEAL_TITLE = "도림방전자, 트로닉스 인수…이건택 대표 \"성장 동력\"";
    private static final String DEAL = "도림방전자가 트로닉스를 인수한다고 밝혔다. 이건택 대표는 트로닉스 인수로 도림방의 "
            + "반도체 사업이 커질 것이라고 말했다. 표문석 이사는 도림방전자와 트로닉스의 통합을 맡는다.";
    private static final String STORM_TITLE = "태풍 북상…해안 주민 대피";
    private static final String STORM = "태풍이 북상하면서 해안 마을 주민들이 대피했다. 기상청은 강풍과 폭우 경보를 내렸다.";

    private static ArticleFeatures english(String id, long t) {
        List<Entity> entities = new ArrayList<>();
        entities.add(entity("ent_dorimbang", "Dorimbang Electronics", List.of("Dorimbang"), 1.0));
        entities.add(entity("ent_tronix", "Tronix", List.of(), 0.8));
        entities.add(entity("ent_lee", "Lee Geon-taek", List.of("Lee"), 0.6));
        entities.add(entity("ent_pyo", "Pyo Moon-suk", List.of(), 0.4));
        Map<String, Double> weights = StoryFeatures.entityWeights(entities);
        return new ArticleFeatures(id, null, t, t, "en", weights,
                StoryFeatures.contentTerms("Dorimbang to buy Tronix",
                        "Dorimbang Electronics agreed to buy the chip maker Tronix, chief executive Lee Geon-taek said."),
                Spellings.ofEntities(entities), new int[0]);
    }

    private static ArticleFeatures korean(String id, long t, String title, String text) {
        return new ArticleFeatures(id, null, t, t, "ko", new LinkedHashMap<>(), StoryFeatures.contentTerms(title, text),
                Map.of(), StoryFeatures.spellings(title, text));
    }

    private static Entity entity(String id, String name, List<String> aliases, double salience) {
        return new Entity(id, name, EntityType.ORGANIZATION, 1, aliases, salience, null, List.of());
    }
}
