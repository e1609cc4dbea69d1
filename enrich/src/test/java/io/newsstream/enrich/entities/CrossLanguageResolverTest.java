package io.newsstream.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstream.common.model.Entity;
import io.newsstream.common.model.EntityType;
import io.newsstream.enrich.nlp.EntityResolver;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrossLanguageResolverTest {

    private static final WorldNames PLACES = WorldNames.defaults(EntityLexicon.defaults());

    private static EntityResolver returning(Entity... entities) {
        return (text, mentions, sentences) -> List.of(entities);
    }

    private static Entity entity(String name, EntityType type) {
        return new Entity(EntityIds.of(type, name), name, type, 1, List.of(), 0.5, null, List.of());
    }

    @Test
    void shouldNamePlacesInOtherLanguagesByTheirEnglishNameAndId() {
        assertThat(PLACES.english("Moskau")).contains("Moscow");
        assertThat(PLACES.english("Moscou")).contains("Moscow");
        assertThat(PLACES.english("Kasachstan")).contains("Kazakhstan");
        assertThat(PLACES.english("Türkei")).as("as English articles name it").contains("Turkey");
        assertThat(PLACES.english("Vereinigte Staaten")).contains("United States");
        CrossLanguageResolver german = new CrossLanguageResolver(returning(entity("Moskau", EntityType.LOCATION)),
                "de", PLACES, new CrossLanguageResolver.LearnedNames());

        Entity moscow = german.resolve("", List.of(), List.of()).get(0);

        assertThat(moscow.name()).isEqualTo("Moscow");
        assertThat(moscow.id()).isEqualTo(EntityIds.of(EntityType.LOCATION, "Moscow"));
        assertThat(moscow.aliases()).contains("Moskau");
    }

    @Test
    void shouldTypeACountryAsAPlaceWhateverTheModelSaid() {
        CrossLanguageResolver spanish = new CrossLanguageResolver(returning(entity("Suecia", EntityType.ORGANIZATION)),
                "es", PLACES, new CrossLanguageResolver.LearnedNames());

        Entity sweden = spanish.resolve("", List.of(), List.of()).get(0);

        assertThat(sweden.type()).isEqualTo(EntityType.LOCATION);
        assertThat(sweden.name()).isEqualTo("Sweden");
    }

    @Test
    void shouldGiveAPersonTheEnglishSpellingSeenInEnglishArticles() {
        assertThat(CrossLanguageResolver.key("Wladimir Putin")).isEqualTo(CrossLanguageResolver.key("Vladimir Putin"));
        assertThat(CrossLanguageResolver.key("José Müller")).isEqualTo(CrossLanguageResolver.key("Jose Muller"));
        CrossLanguageResolver.LearnedNames learned = new CrossLanguageResolver.LearnedNames();
        new CrossLanguageResolver(returning(entity("Vladimir Putin", EntityType.PERSON)), "en", PLACES, learned)
                .resolve("", List.of(), List.of());
        CrossLanguageResolver german = new CrossLanguageResolver(
                returning(entity("Wladimir Putin", EntityType.PERSON), entity("Olaf Scholz", EntityType.PERSON)),
                "de", PLACES, learned);

        List<Entity> out = german.resolve("", List.of(), List.of());

        assertThat(out).extracting(Entity::name).containsExactly("Vladimir Putin", "Olaf Scholz");
        assertThat(out.get(0).id()).isEqualTo(EntityIds.of(EntityType.PERSON, "Vladimir Putin"));
        assertThat(out.get(0).aliases()).contains("Wladimir Putin");
    }

    @Test
    void shouldForgetTheOldestLearnedNamesPastTheBound() {
        CrossLanguageResolver.LearnedNames learned = new CrossLanguageResolver.LearnedNames(2);
        learned.learn(EntityType.PERSON, "Ann One");
        learned.learn(EntityType.PERSON, "Bob Two");
        learned.learn(EntityType.PERSON, "Cy Three");

        assertThat(learned.english(EntityType.PERSON, "Ann One")).isEmpty();
        assertThat(learned.english(EntityType.PERSON, "Cy Three")).contains("Cy Three");
    }
}
