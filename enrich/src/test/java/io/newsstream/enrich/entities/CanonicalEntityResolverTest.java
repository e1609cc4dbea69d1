package io.newsstream.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstream.common.model.Entity;
import io.newsstream.common.model.EntityType;
import io.newsstream.common.model.SentimentLabel;
import io.newsstream.common.model.Span;
import io.newsstream.enrich.nlp.Mention;
import io.newsstream.enrich.nlp.ScoredSentence;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The resolver's rules on hand-made mentions, without a model. */
class CanonicalEntityResolverTest {

    private final CanonicalEntityResolver resolver = new CanonicalEntityResolver();

    /** Mentions of each given surface form, at every place it occurs in the text. */
    private static List<Mention> mentions(String text, EntityType type, String... forms) {
        List<Mention> out = new ArrayList<>();
        for (String f : forms) {
            int i = text.indexOf(f);
            while (i >= 0) {
                out.add(new Mention(f, type, i, i + f.length()));
                i = text.indexOf(f, i + f.length());
            }
        }
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
    }

    private static Entity only(List<Entity> entities, String name) {
        return entities.stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + entities));
    }

    @Test
    void shouldNameAPersonByTheFullestFormWithoutTitles() {
        String text = "Freedonian President Ivan Petrov spoke. Mr. Petrov said Petrov's plan stands.";
        List<Mention> ms = new ArrayList<>();
        ms.add(new Mention("Freedonian President Ivan Petrov", EntityType.PERSON, 0, 32));
        ms.addAll(mentions(text.substring(33), EntityType.PERSON, "Mr. Petrov", "Petrov's").stream()
                .map(m -> new Mention(m.text(), m.type(), m.start() + 33, m.end() + 33)).toList());

        List<Entity> entities = resolver.resolve(text, ms, List.of());

        assertThat(entities).hasSize(1);
        Entity petrov = entities.get(0);
        assertThat(petrov.name()).isEqualTo("Ivan Petrov");
        assertThat(petrov.aliases()).containsExactly("Petrov");
        assertThat(petrov.mentions()).isEqualTo(3);
        assertThat(petrov.spans()).first().isEqualTo(new Span(21, 32));
    }

    @Test
    void shouldNeverReportPronounsDemonymsOrMisc() {
        String text = "He said the Russian team and the Ukrainians met at Expo Week.";
        List<Mention> ms = List.of(new Mention("He", EntityType.PERSON, 0, 2),
                new Mention("Russian", EntityType.LOCATION, 12, 19),
                new Mention("Ukrainians", EntityType.MISC, 33, 43),
                new Mention("Expo Week", EntityType.MISC, 51, 60));

        assertThat(resolver.resolve(text, ms, List.of())).isEmpty();
    }

    @Test
    void shouldMergeAnAcronymDefinedInParentheses() {
        String text = "Foo Bar Airlines (FBA) grounded jets. FBA said more later.";
        List<Mention> ms = mentions(text, EntityType.ORGANIZATION, "Foo Bar Airlines", "FBA");

        List<Entity> entities = resolver.resolve(text, ms, List.of());

        assertThat(entities).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo("Foo Bar Airlines");
            assertThat(e.aliases()).containsExactly("FBA");
            assertThat(e.mentions()).isEqualTo(3);
        });
    }

    @Test
    void shouldMergeAnAcronymWithTheNameWhoseInitialsItIs() {
        String text = "The Global Shipping Council met. Later the GSC voted.";
        List<Mention> ms = mentions(text, EntityType.ORGANIZATION, "Global Shipping Council", "GSC");

        assertThat(resolver.resolve(text, ms, List.of())).singleElement()
                .satisfies(e -> assertThat(e.name()).isEqualTo("Global Shipping Council"));
    }

    @Test
    void shouldUseGazetteerNamesForCountriesAndInternationalOrganisations() {
        String text = "The U.S. and the EU met. US officials spoke.";
        List<Mention> ms = new ArrayList<>(mentions(text, EntityType.LOCATION, "U.S.", "US "));
        ms.add(new Mention("EU", EntityType.LOCATION, 17, 19));

        List<Entity> entities = resolver.resolve(text, ms, List.of());

        assertThat(only(entities, "United States").type()).isEqualTo(EntityType.LOCATION);
        assertThat(only(entities, "United States").aliases()).contains("U.S.", "US");
        assertThat(only(entities, "European Union").type()).isEqualTo(EntityType.ORGANIZATION);
    }

    @Test
    void shouldMergeSpellingVariantsOfASurname() {
        String text = "Mykola Hrytsenkov arrived. Hrytsenkow spoke. Mykola Hrytsenkoff left.";
        List<Mention> ms = mentions(text, EntityType.PERSON, "Mykola Hrytsenkov", "Hrytsenkow", "Mykola Hrytsenkoff");

        assertThat(resolver.resolve(text, ms, List.of())).singleElement()
                .satisfies(e -> assertThat(e.mentions()).isEqualTo(3));
    }

    @Test
    void shouldKeepTwoPeopleWhoShareASurnameApart() {
        String text = "Anna Weber met Paul Weber. Paul Weber left, and Weber waved.";
        List<Mention> ms = mentions(text, EntityType.PERSON, "Anna Weber", "Paul Weber");
        ms.add(new Mention("Weber", EntityType.PERSON, 48, 53));

        List<Entity> entities = resolver.resolve(text, ms, List.of());

        assertThat(entities).extracting(Entity::name).containsExactlyInAnyOrder("Anna Weber", "Paul Weber");
        assertThat(only(entities, "Paul Weber").aliases()).containsExactly("Weber");
    }

    @Test
    void shouldTypeAPlaceThatSpeaksAsAnOrganisationAndDropTheArticle() {
        String text = "The Citadel said it agreed. A Citadel spokesman added more. Riverton lies east.";
        List<Mention> ms = mentions(text, EntityType.LOCATION, "The Citadel", "Citadel spokesman", "Riverton");
        ms.set(1, new Mention("Citadel", EntityType.LOCATION, 30, 37));

        List<Entity> entities = resolver.resolve(text, ms, List.of());

        assertThat(only(entities, "Citadel").type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(only(entities, "Riverton").type()).isEqualTo(EntityType.LOCATION);
    }

    @Test
    void shouldMergeAnOrganisationWithItsNationalForm() {
        String text = "The French Foreign Ministry spoke. The Foreign Ministry then added more.";
        List<Mention> ms = mentions(text, EntityType.ORGANIZATION, "French Foreign Ministry");
        ms.add(new Mention("Foreign Ministry", EntityType.ORGANIZATION, 39, 55));

        assertThat(resolver.resolve(text, ms, List.of())).singleElement()
                .satisfies(e -> assertThat(e.name()).isEqualTo("French Foreign Ministry"));
    }

    @Test
    void shouldVoteTheTypeAcrossMentions() {
        String text = "Orlov met. Orlov spoke. Orlov left.";
        List<Mention> ms = List.of(new Mention("Orlov", EntityType.PERSON, 0, 5),
                new Mention("Orlov", EntityType.LOCATION, 11, 16), new Mention("Orlov", EntityType.PERSON, 24, 29));

        assertThat(resolver.resolve(text, ms, List.of())).singleElement()
                .satisfies(e -> assertThat(e.type()).isEqualTo(EntityType.PERSON));
    }

    @Test
    void shouldGiveTheSameEntityTheSameIdInEveryArticle() {
        String a = "Ivan Petrov spoke in Riverton.";
        String b = "In Riverton, Ivan Petrov spoke again.";
        Entity first = only(resolver.resolve(a, mentions(a, EntityType.PERSON, "Ivan Petrov"), List.of()), "Ivan Petrov");
        Entity second = only(resolver.resolve(b, mentions(b, EntityType.PERSON, "Ivan Petrov"), List.of()), "Ivan Petrov");

        assertThat(first.id()).isEqualTo(second.id()).matches("ent_[0-9a-f]{12}");
        assertThat(EntityIds.of(EntityType.LOCATION, "Ivan Petrov")).isNotEqualTo(first.id());
    }

    @Test
    void shouldResolveALoneSurnameThroughTheDirectory() {
        CanonicalEntityResolver shared = new CanonicalEntityResolver(EntityLexicon.defaults(), new InMemoryEntityDirectory());
        String a = "Ivan Petrov spoke.";
        shared.resolve(a, mentions(a, EntityType.PERSON, "Ivan Petrov"), List.of());
        String b = "Petrov spoke again.";

        Entity petrov = shared.resolve(b, mentions(b, EntityType.PERSON, "Petrov"), List.of()).get(0);

        assertThat(petrov.name()).isEqualTo("Ivan Petrov");
        assertThat(petrov.aliases()).containsExactly("Petrov");
        assertThat(petrov.id()).isEqualTo(EntityIds.of(EntityType.PERSON, "Ivan Petrov"));
    }

    @Test
    void shouldLeaveASurnameAloneWithoutADirectory() {
        CanonicalEntityResolver forgetful = new CanonicalEntityResolver(EntityLexicon.defaults(), EntityDirectory.none());
        String a = "Ivan Petrov spoke.";
        forgetful.resolve(a, mentions(a, EntityType.PERSON, "Ivan Petrov"), List.of());
        String b = "Petrov spoke again.";

        assertThat(forgetful.resolve(b, mentions(b, EntityType.PERSON, "Petrov"), List.of()).get(0).name()).isEqualTo("Petrov");
    }

    @Test
    void shouldRankByMentionsAndPositionWithSalienceInZeroToOne() {
        String text = "Riverton is calm. Ivan Petrov came. Petrov spoke. Petrov left. Petrov returned.";
        List<Mention> ms = new ArrayList<>(mentions(text, EntityType.LOCATION, "Riverton"));
        ms.addAll(mentions(text.replace("Ivan Petrov", "Ivan_Petrov"), EntityType.PERSON, "Petrov"));
        ms.add(new Mention("Ivan Petrov", EntityType.PERSON, 18, 29));
        ms.sort((x, y) -> Integer.compare(x.start(), y.start()));

        List<Entity> entities = resolver.resolve(text, ms, List.of());

        assertThat(entities).extracting(Entity::name).containsExactly("Ivan Petrov", "Riverton");
        assertThat(entities).allSatisfy(e -> assertThat(e.salience()).isBetween(0.0, 1.0));
        assertThat(entities.get(0).salience()).isGreaterThan(entities.get(1).salience());
    }

    @Test
    void shouldAverageTheToneOfTheSentencesThatMentionAnEntity() {
        String text = "Riverton flooded. Riverton mourned. Oakdale cheered.";
        List<Mention> ms = mentions(text, EntityType.LOCATION, "Riverton", "Oakdale");
        List<ScoredSentence> sentences = List.of(new ScoredSentence(0, 17, -0.6), new ScoredSentence(18, 35, -0.2),
                new ScoredSentence(36, 52, 0.04));

        List<Entity> entities = resolver.resolve(text, ms, sentences);

        assertThat(only(entities, "Riverton").sentiment().score()).isEqualTo(-0.4);
        assertThat(only(entities, "Riverton").sentiment().label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(only(entities, "Oakdale").sentiment().label()).isEqualTo(SentimentLabel.NEUTRAL);
    }

    @Test
    void shouldToleratePlausibleSpellingDifferencesOnly() {
        assertThat(CanonicalEntityResolver.sameSurname("Zelensky", "Zelenskyy")).isTrue();
        assertThat(CanonicalEntityResolver.sameSurname("Smith", "Smyth")).isTrue();
        assertThat(CanonicalEntityResolver.sameSurname("Lee", "Lie")).isFalse();
        assertThat(CanonicalEntityResolver.sameSurname("Morgan", "Jordan")).isFalse();
        assertThat(CanonicalEntityResolver.looseName("Zelenskiy")).isEqualTo(CanonicalEntityResolver.looseName("Zelenskyy"));
    }

    private static Mention at(String text, String form, EntityType type, int occurrence) {
        int i = -1;
        for (int k = 0; k <= occurrence; k++) {
            i = text.indexOf(form, i + 1);
        }
        return new Mention(form, type, i, i + form.length());
    }

    private static List<String> names(List<Entity> entities) {
        return entities.stream().map(Entity::name).toList();
    }

    @Test
    void shouldTypeANameWithALegalFormAsAnOrganisationInEveryMention() {
        String text = "Zentrix Inc. said profits fell. Zentrix will cut jobs, and Zentrix shares dropped.";
        List<Mention> ms = new ArrayList<>(mentions(text, EntityType.PERSON, "Zentrix Inc."));
        ms.add(at(text, "Zentrix", EntityType.PERSON, 1));
        ms.add(at(text, "Zentrix", EntityType.PERSON, 2));

        List<Entity> entities = resolver.resolve(text, ms, List.of());

        assertThat(entities).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EntityType.ORGANIZATION);
            assertThat(e.mentions()).isEqualTo(3);
        });
    }

    @Test
    void shouldTypeANameAfterAnOrganisationNounAsAnOrganisationInEveryMention() {
        String text = "Vornax said so. The label Vornax fought Vornax critics in court.";
        List<Mention> ms = mentions(text, EntityType.PERSON, "Vornax");

        assertThat(resolver.resolve(text, ms, List.of())).singleElement()
                .satisfies(e -> assertThat(e.type()).isEqualTo(EntityType.ORGANIZATION));
    }

    @Test
    void shouldDropTheWordPartyAfterAPartyName() {
        String text = "The ruling Blue Horizon party won. Blue Horizon leaders celebrated.";
        List<Mention> ms = mentions(text, EntityType.ORGANIZATION, "Blue Horizon party");
        ms.add(at(text, "Blue Horizon", EntityType.ORGANIZATION, 1));

        assertThat(resolver.resolve(text, ms, List.of())).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo("Blue Horizon");
            assertThat(e.mentions()).isEqualTo(2);
        });
    }

    @Test
    void shouldNotReportFiresAndShipsNamedAfterPeopleOrPlaces() {
        String text = "The Carver fire spread while the Elm and Carver fires merged. The ROKS Dae Han left port; "
                + "crews of Dae Han waved. Tom Carver, a farmer, watched.";
        List<Mention> ms = new ArrayList<>();
        ms.add(at(text, "Carver", EntityType.PERSON, 0));
        ms.add(at(text, "Elm", EntityType.LOCATION, 0));
        ms.add(at(text, "Carver", EntityType.PERSON, 1));
        ms.add(at(text, "ROKS Dae Han", EntityType.ORGANIZATION, 0));
        ms.add(at(text, "Dae Han", EntityType.PERSON, 1));
        ms.add(at(text, "Tom Carver", EntityType.PERSON, 0));
        ms.sort((a, b) -> Integer.compare(a.start(), b.start()));

        List<Entity> entities = resolver.resolve(text, ms, List.of());

        assertThat(names(entities)).containsExactly("Tom Carver");
    }

    @Test
    void shouldJoinAShortOrganisationNameToTheLongNameItAbbreviates() {
        String text = "The Ministry of Trade and Finance spoke. The Finance Ministry agreed. Zentrix Robotics Co. "
                + "hired; Zentrix grew. The Army Signal Command and the Army met.";
        List<Mention> ms = mentions(text, EntityType.ORGANIZATION, "Ministry of Trade and Finance", "Finance Ministry",
                "Zentrix Robotics Co.", "Army Signal Command");
        ms.add(at(text, "Zentrix", EntityType.ORGANIZATION, 1));
        ms.add(at(text, "Army", EntityType.ORGANIZATION, 1));
        ms.sort((a, b) -> Integer.compare(a.start(), b.start()));

        List<Entity> entities = resolver.resolve(text, ms, List.of());

        assertThat(names(entities)).containsExactlyInAnyOrder("Ministry of Trade and Finance", "Zentrix Robotics Co.",
                "Army Signal Command", "Army");
        assertThat(only(entities, "Ministry of Trade and Finance").aliases()).containsExactly("Finance Ministry");
        assertThat(only(entities, "Zentrix Robotics Co.").aliases()).containsExactly("Zentrix");
    }

    @Test
    void shouldJoinAPlaceToTheOneGazetteerPlaceItEnds() {
        String text = "South Korea and Korea's navy.";
        List<Mention> ms = mentions(text, EntityType.LOCATION, "South Korea");
        ms.add(new Mention("Korea", EntityType.LOCATION, 16, 21));

        assertThat(resolver.resolve(text, ms, List.of())).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo("South Korea");
            assertThat(e.aliases()).containsExactly("Korea");
        });
    }

    @Test
    void shouldDropTheEndOfATitleAndAFormerBeforeAnOrganisation() {
        String text = "Secretary of State Jane Roe met the Former Army chief.";
        List<Mention> ms = List.of(at(text, "State", EntityType.ORGANIZATION, 0),
                at(text, "Jane Roe", EntityType.PERSON, 0), at(text, "Former Army", EntityType.ORGANIZATION, 0));

        assertThat(names(resolver.resolve(text, ms, List.of()))).containsExactlyInAnyOrder("Jane Roe", "Army");
    }

    @Test
    void shouldJoinASurnameToASurnameFirstName() {
        String text = "Kim Seo-yeon was named minister. Kim said she would start at once.";
        List<Mention> ms = mentions(text, EntityType.PERSON, "Kim Seo-yeon");
        ms.add(at(text, "Kim", EntityType.PERSON, 1));

        assertThat(resolver.resolve(text, ms, List.of())).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo("Kim Seo-yeon");
            assertThat(e.aliases()).containsExactly("Kim");
        });
    }

    @Test
    void shouldRememberAcrossArticlesThatAOneWordNameIsAnOrganisation() {
        CanonicalEntityResolver fresh = new CanonicalEntityResolver(EntityLexicon.defaults(), new InMemoryEntityDirectory());
        String later = "Zentrix said it would appeal.";
        List<Mention> laterMentions = mentions(later, EntityType.PERSON, "Zentrix");
        assertThat(fresh.resolve(later, laterMentions, List.of())).singleElement()
                .satisfies(e -> assertThat(e.type()).isEqualTo(EntityType.PERSON));

        String first = "Zentrix Inc. reported losses.";
        fresh.resolve(first, mentions(first, EntityType.PERSON, "Zentrix Inc."), List.of());

        assertThat(fresh.resolve(later, laterMentions, List.of())).singleElement()
                .satisfies(e -> assertThat(e.type()).isEqualTo(EntityType.ORGANIZATION));
    }

    @Test
    void shouldKeepAnExclamationMarkBeforeACommaAsPartOfAnOrganisationName() {
        String text = "His party, Blue Dawn!, won the vote.";
        List<Mention> ms = mentions(text, EntityType.PERSON, "Blue Dawn");

        assertThat(resolver.resolve(text, ms, List.of())).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo("Blue Dawn!");
            assertThat(e.type()).isEqualTo(EntityType.ORGANIZATION);
        });
    }

    @Test
    void shouldNotReportANameWithoutACapital() {
        String text = "The region near the border shook.";
        List<Mention> ms = List.of(new Mention("The region", EntityType.LOCATION, 0, 10));

        assertThat(resolver.resolve(text, ms, List.of())).isEmpty();
    }

    @Test
    void shouldJoinAOneWordPersonToTheOrganisationNameItOpens() {
        String text = "Harlow University hired staff. Harlow's research grew.";
        List<Mention> ms = new ArrayList<>(mentions(text, EntityType.ORGANIZATION, "Harlow University"));
        ms.add(at(text, "Harlow", EntityType.PERSON, 1));

        assertThat(resolver.resolve(text, ms, List.of())).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo("Harlow University");
            assertThat(e.type()).isEqualTo(EntityType.ORGANIZATION);
            assertThat(e.aliases()).containsExactly("Harlow");
        });

        String withPerson = "Harlow University hired Tom Harlow. Harlow's research grew.";
        List<Mention> ms2 = new ArrayList<>(mentions(withPerson, EntityType.ORGANIZATION, "Harlow University"));
        ms2.addAll(mentions(withPerson, EntityType.PERSON, "Tom Harlow"));
        ms2.add(at(withPerson, "Harlow", EntityType.PERSON, 2));
        ms2.sort((a, b) -> Integer.compare(a.start(), b.start()));

        assertThat(only(resolver.resolve(withPerson, ms2, List.of()), "Tom Harlow").aliases()).containsExactly("Harlow");
    }

    @Test
    void shouldCutTheWordThatOpensATitleAfterAnOrganisation() {
        String text = "Harlow House Press Secretary Jane Roe spoke. Harlow House denied it.";
        List<Mention> ms = new ArrayList<>(mentions(text, EntityType.ORGANIZATION, "Harlow House Press"));
        ms.add(at(text, "Jane Roe", EntityType.PERSON, 0));
        ms.add(at(text, "Harlow House", EntityType.ORGANIZATION, 1));

        List<Entity> entities = resolver.resolve(text, ms, List.of());

        assertThat(names(entities)).containsExactlyInAnyOrder("Harlow House", "Jane Roe");
        assertThat(only(entities, "Harlow House").mentions()).isEqualTo(2);
    }

    @Test
    void shouldReadLowerCaseWordsOfANameIntoItsAcronymAndDropFrenchOrdinalsAndTitleTails() {
        String text = "Le Rassemblement national a perdu. Le RN, élu président de la République, devient le chef de "
                + "la Ve République. Louis Ier visita Lévy.";
        List<Mention> ms = new ArrayList<>();
        ms.add(at(text, "Rassemblement national", EntityType.ORGANIZATION, 0));
        ms.add(at(text, "RN", EntityType.ORGANIZATION, 0));
        ms.add(at(text, "République", EntityType.LOCATION, 0));
        ms.add(at(text, "Ve République", EntityType.ORGANIZATION, 0));
        ms.add(at(text, "Lévy", EntityType.PERSON, 0));

        List<Entity> entities = resolver.resolve(text, ms, List.of());

        assertThat(names(entities)).containsExactlyInAnyOrder("Rassemblement national", "Lévy");
        assertThat(only(entities, "Rassemblement national").aliases()).containsExactly("RN");
    }

    @Test
    void shouldNotTakeACapitalisedNounAfterAPossessiveForAPlace() {
        String text = "La policía entró en nuestra Embajada y en Quorrania.";
        List<Mention> ms = List.of(at(text, "Embajada", EntityType.LOCATION, 0), at(text, "Quorrania", EntityType.LOCATION, 0));

        assertThat(names(resolver.resolve(text, ms, List.of()))).containsExactly("Quorrania");
    }
}
