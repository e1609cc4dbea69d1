package io.newsstream.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstream.common.model.Entity;
import io.newsstream.common.model.EntityType;
import io.newsstream.enrich.eval.EntityEvaluator;
import io.newsstream.enrich.eval.EvalReport;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The full recogniser and resolver on short articles written for these tests, covering what the
 * seeds lack: acronym definitions, honorifics, possessives, demonyms, an organisation found by its
 * suffix, two people sharing a surname, country alternative names, pronouns, spelling variants and
 * institutions named by their building.
 */
class OwnArticlesEntityTest {

    private static final String BASE = "/io/newsstream/enrich/entities/";
    private static final List<String> ARTICLES = List.of("01_acronym.txt", "02_honorifics.txt", "03_possessives.txt",
            "04_demonyms.txt", "05_org_suffix.txt", "06_shared_surname.txt", "07_countries.txt",
            "08_pronouns_spelling.txt", "09_metonymy.txt");

    private static Map<String, List<Entity>> reported;

    @BeforeAll
    static void annotate() throws IOException {
        CoreNlpEntityRecognizer recognizer = new CoreNlpEntityRecognizer();
        CanonicalEntityResolver resolver = new CanonicalEntityResolver();
        reported = new LinkedHashMap<>();
        for (String name : ARTICLES) {
            String text = read(BASE + "articles/" + name);
            reported.put(name, resolver.resolve(text, recognizer.recognize(text), SeedEntityQualityTest.neutralSentences(text)));
        }
    }

    @Test
    void shouldScoreWellAgainstTheOwnGoldFile() throws URISyntaxException {
        EntityEvaluator evaluator = EntityEvaluator.load(Path.of(OwnArticlesEntityTest.class.getResource(
                BASE + "own-articles-entities.json").toURI()));

        EvalReport report = evaluator.evaluate(reported);
        System.out.println(EntityEvaluator.format(report));

        assertThat(report.documents()).hasSize(ARTICLES.size());
        assertThat(report.precision()).as(EntityEvaluator.format(report)).isGreaterThanOrEqualTo(0.9);
        assertThat(report.recall()).as(EntityEvaluator.format(report)).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void shouldMergeAnAcronymWithTheNameItIsDefinedFor() {
        Entity nfc = named("01_acronym.txt", "Northwind Freight Corporation");
        assertThat(nfc.type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(nfc.aliases()).contains("NFC");
        assertThat(nfc.mentions()).isGreaterThanOrEqualTo(3);
        assertThat(names("01_acronym.txt")).doesNotContain("NFC");
    }

    @Test
    void shouldKeepTitlesAndHonorificsOutOfNames() {
        Entity scholz = named("02_honorifics.txt", "Olaf Scholz");
        assertThat(scholz.aliases()).contains("Scholz").allSatisfy(a -> assertThat(a).doesNotContain("Mr"));
        assertThat(names("02_honorifics.txt")).noneMatch(n -> n.startsWith("Chancellor") || n.startsWith("Dr")
                || n.startsWith("Prime Minister") || n.startsWith("German"));
    }

    @Test
    void shouldStripPossessives() {
        assertThat(named("03_possessives.txt", "Tim Cook").aliases()).containsExactly("Cook");
        assertThat(names("03_possessives.txt")).contains("Apple").noneMatch(n -> n.endsWith("'s"));
    }

    @Test
    void shouldNeverReportNationalityAdjectives() {
        assertThat(names("04_demonyms.txt")).doesNotContain("French", "German", "Italian", "Spanish")
                .contains("European Union");
        assertThat(named("04_demonyms.txt", "European Union").aliases()).contains("EU");
    }

    @Test
    void shouldFindAnOrganisationByItsSuffix() {
        assertThat(reported.get("05_org_suffix.txt")).anySatisfy(e -> {
            assertThat(e.name()).startsWith("Lumenway Logistics");
            assertThat(e.type()).isEqualTo(EntityType.ORGANIZATION);
        });
    }

    @Test
    void shouldNotMergeTwoPeopleSharingASurname() {
        Entity joe = named("06_shared_surname.txt", "Joe Biden");
        Entity jill = named("06_shared_surname.txt", "Jill Biden");
        assertThat(joe.id()).isNotEqualTo(jill.id());
        assertThat(names("06_shared_surname.txt")).doesNotContain("Biden");
        // the lone "Biden" follows "Joe Biden" in the text, so it is his
        assertThat(joe.aliases()).contains("Biden");
        assertThat(jill.aliases()).doesNotContain("Biden");
    }

    @Test
    void shouldGiveCountriesOneNameWhateverTheSpelling() {
        assertThat(named("07_countries.txt", "United States").aliases()).contains("U.S.");
        assertThat(named("07_countries.txt", "United Kingdom").aliases()).contains("UK", "Britain");
        assertThat(named("07_countries.txt", "United Arab Emirates").aliases()).contains("UAE");
    }

    @Test
    void shouldDropPronounsAndMergeSpellingVariants() {
        assertThat(names("08_pronouns_spelling.txt")).doesNotContain("He", "They")
                .filteredOn(n -> n.toLowerCase(Locale.ROOT).contains("podol")).hasSize(1);
    }

    @Test
    void shouldTypeABuildingThatSpeaksAsAnOrganisation() {
        assertThat(named("09_metonymy.txt", "Pentagon").type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(named("09_metonymy.txt", "North Atlantic Treaty Organization").aliases()).contains("NATO");
    }

    private static Entity named(String article, String name) {
        return reported.get(article).stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no entity '" + name + "' in " + article + ": " + names(article)));
    }

    private static List<String> names(String article) {
        return reported.get(article).stream().map(Entity::name).toList();
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = OwnArticlesEntityTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
