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
    void shouldNameFirstLevelSubdivisionsInOtherLanguagesByTheirEnglishName() {
        assertThat(PLACES.english("Bayern")).contains("Bavaria");
        assertThat(PLACES.english("Niedersachsen")).contains("Lower Saxony");
        assertThat(PLACES.english("Andalousie")).contains("Andalusia");
        assertThat(PLACES.english("Nueva Gales del Sur")).contains("New South Wales");
        assertThat(PLACES.english("Woiwodschaft Lublin")).contains("Lublin Voivodeship");
        assertThat(PLACES.english("Lublin")).as("the city, not its voivodeship").contains("Lublin");
        assertThat(PLACES.english("Moskau")).as("a city before the subdivision of that name").contains("Moscow");
        assertThat(PLACES.country("Bayern")).as("a subdivision is no country").isEmpty();
        assertThat(PLACES.english("Florida")).as("a state's own name before a city's alternate name").contains("Florida");
        assertThat(PLACES.english("Victoria")).as("a state's own name before a city's alternate name").contains("Victoria");
        assertThat(PLACES.english("Lisboa")).as("a capital's name before its district's").contains("Lisbon");
        assertThat(PLACES.english("Kairo")).as("a city's name before its governorate's").contains("Cairo");
        CrossLanguageResolver french = new CrossLanguageResolver(returning(entity("Bavière", EntityType.LOCATION)),
                "fr", PLACES, new CrossLanguageResolver.LearnedNames());

        Entity bavaria = french.resolve("", List.of(), List.of()).get(0);

        assertThat(bavaria.name()).isEqualTo("Bavaria");
        assertThat(bavaria.id()).isEqualTo(EntityIds.of(EntityType.LOCATION, "Bavaria"));
        assertThat(bavaria.aliases()).contains("Bavière");
    }

    @Test
    void shouldNameACompassPartOfASubdivisionTheArticleNames() {
        assertThat(PLACES.compassPart("Südbayern", "de")).contains(new WorldNames.CompassPart("Southern Bavaria", "Bavaria"));
        assertThat(PLACES.compassPart("Nord-Bayern", "de")).map(WorldNames.CompassPart::name).contains("Northern Bavaria");
        assertThat(PLACES.compassPart("Bavière du Sud", "fr")).map(WorldNames.CompassPart::name).contains("Southern Bavaria");
        assertThat(PLACES.compassPart("Queensland de l’Ouest", "fr")).map(WorldNames.CompassPart::name).contains("Western Queensland");
        assertThat(PLACES.compassPart("Baviera del Norte", "es")).map(WorldNames.CompassPart::name).contains("Northern Bavaria");
        assertThat(PLACES.compassPart("Bavière du Sud", "de")).as("another language's pattern").isEmpty();
        assertThat(PLACES.compassPart("Ostende", "de")).as("no subdivision after the compass word").isEmpty();
        assertThat(PLACES.compassPart("Nordberlin", "de")).as("part of a city-state: a city").isEmpty();
        assertThat(PLACES.compassPart("Südfrankreich", "de")).as("a country's part").isEmpty();

        CrossLanguageResolver german = new CrossLanguageResolver(
                returning(entity("Südbayern", EntityType.LOCATION), entity("Bayern", EntityType.LOCATION)),
                "de", PLACES, new CrossLanguageResolver.LearnedNames());
        List<Entity> out = german.resolve("", List.of(), List.of());

        assertThat(out).extracting(Entity::name).containsExactly("Southern Bavaria", "Bavaria");
        assertThat(out.get(0).id()).isEqualTo(EntityIds.of(EntityType.LOCATION, "Southern Bavaria"));
        assertThat(out.get(0).aliases()).contains("Südbayern");

        CrossLanguageResolver alone = new CrossLanguageResolver(returning(entity("Südbayern", EntityType.LOCATION)),
                "de", PLACES, new CrossLanguageResolver.LearnedNames());
        assertThat(alone.resolve("", List.of(), List.of())).extracting(Entity::name)
                .as("without the region itself in the article the compound may be a region of its own")
                .containsExactly("Südbayern");
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
