package io.newsstream.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsstream.common.model.EntityType;
import io.newsstream.enrich.nlp.Mention;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CoreNlpEntityRecognizerTest {

    private static final String TEXT = "Angela Merkel visited Paris on Monday. Northwind Freight Corporation (NFC) hired "
            + "Peter Haas in Toronto.\nShares of Kestrel Air rose in the Tver region.";

    private static CoreNlpEntityRecognizer recognizer;

    @BeforeAll
    static void load() {
        recognizer = new CoreNlpEntityRecognizer();
    }

    @Test
    void shouldReportMentionsWithOffsetsIntoTheText() {
        List<Mention> mentions = recognizer.recognize(TEXT);

        assertThat(mentions).isNotEmpty().allSatisfy(m -> assertThat(TEXT.substring(m.start(), m.end())).isEqualTo(m.text()));
        assertThat(mentions).extracting(Mention::start).isSorted();
        assertThat(mentions).anySatisfy(m -> {
            assertThat(m.text()).isEqualTo("Angela Merkel");
            assertThat(m.type()).isEqualTo(EntityType.PERSON);
        });
        assertThat(mentions).anySatisfy(m -> assertThat(m.text()).isEqualTo("Paris"));
    }

    @Test
    void shouldAddDefinedAcronymsSuffixedOrganisationsAndRegions() {
        List<Mention> mentions = recognizer.recognize(TEXT);

        assertThat(mentions).extracting(Mention::text).contains("NFC", "Kestrel Air");
        assertThat(mentions).anySatisfy(m -> {
            assertThat(m.text()).contains("Tver");
            assertThat(m.type()).isEqualTo(EntityType.LOCATION);
        });
    }

    @Test
    void shouldKeepHyphenatedNamesWhole() {
        List<Mention> mentions = recognizer.recognize(
                "The actor Kang Mi-rae thanked the director Walter Orlov-Vance after the premiere.");

        assertThat(mentions).extracting(Mention::text).contains("Kang Mi-rae", "Walter Orlov-Vance")
                .doesNotContain("Kang Mi", "Walter Orlov", "Vance");
    }

    @Test
    void shouldCutCompoundAdjectivesAndHyphenatedPairsOfPlaces() {
        String text = "A Canada-born engineer joined the U.S.-led mission and attended the Canada-Mexico talks.";
        List<Mention> mentions = recognizer.recognize(text);

        assertThat(mentions).extracting(Mention::text).containsExactly("Canada", "U.S.", "Canada", "Mexico");
        assertThat(mentions).allSatisfy(m -> assertThat(m.type()).isEqualTo(EntityType.LOCATION));
    }

    @Test
    void shouldJoinOrganisationNamesAcrossAnd() {
        String text = "The bill went to the Special Committee on Roads and Harbours for review, and the Water "
                + "Quality and Safety Commission approved it. She studied at the University of Harlow, Tromsø.";
        List<Mention> mentions = recognizer.recognize(text);

        assertThat(mentions).extracting(Mention::text).contains("Special Committee on Roads and Harbours",
                "Water Quality and Safety Commission").doesNotContain("Harbours", "Safety Commission");
    }

    @Test
    void shouldFindCamelCaseCompanyNames() {
        List<Mention> mentions = recognizer.recognize("Shares of BrightLoop rose after the deal, analysts said.");

        assertThat(mentions).singleElement().satisfies(m -> {
            assertThat(m.text()).isEqualTo("BrightLoop");
            assertThat(m.type()).isEqualTo(EntityType.ORGANIZATION);
        });
    }

    @Test
    void shouldFindKoreanNamesAndNamesAfterAnOrganisationNoun() {
        String text = "The court heard former chief executive Kim Seo-yeon on Tuesday. The dispute with the label "
                + "Quorra went on for months, and its artists waited.";
        List<Mention> mentions = recognizer.recognize(text);

        assertThat(mentions).anySatisfy(m -> {
            assertThat(m.text()).isEqualTo("Kim Seo-yeon");
            assertThat(m.type()).isEqualTo(EntityType.PERSON);
        });
        assertThat(mentions).anySatisfy(m -> {
            assertThat(m.text()).isEqualTo("Quorra");
            assertThat(m.type()).isEqualTo(EntityType.ORGANIZATION);
        });
    }

    @Test
    void shouldFindPartyNamesBeforeTheWordParty() {
        List<Mention> mentions = recognizer.recognize("Voters backed the ruling Quorra Dawn party in the north.");

        assertThat(mentions).anySatisfy(m -> {
            assertThat(m.text()).isEqualTo("Quorra Dawn");
            assertThat(m.type()).isEqualTo(EntityType.ORGANIZATION);
        });
    }

    @Test
    void shouldFindNamesEndingInCenterOrEntertainment() {
        List<Mention> mentions = recognizer.recognize("Later that day the staff of the Quorra Crisis Response Center "
                + "arrived, and the agency Velmo Entertainment said nothing.");

        assertThat(mentions).extracting(Mention::text).containsExactly("Quorra Crisis Response Center", "Velmo Entertainment");
        assertThat(mentions).allSatisfy(m -> assertThat(m.type()).isEqualTo(EntityType.ORGANIZATION));
    }

    @Test
    void shouldReturnNothingForBlankText() {
        assertThat(recognizer.recognize("")).isEmpty();
        assertThat(recognizer.recognize("   \n")).isEmpty();
    }

    @Test
    void shouldGiveTheSameAnswerFromManyThreads() throws Exception {
        List<Mention> expected = recognizer.recognize(TEXT);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Mention>>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> recognizer.recognize(TEXT)));
            }
            for (Future<List<Mention>> r : results) {
                assertThat(r.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldFailFastNamingAModelThatCannotBeLoaded() {
        assertThatThrownBy(() -> new CoreNlpEntityRecognizer("no/such/model.crf.ser.gz", EntityLexicon.defaults()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no/such/model.crf.ser.gz");
    }

    @Test
    void shouldTreatTitleCaseLinesAsCarryingNoCapitalisationSignal() {
        assertThat(CoreNlpEntityRecognizer.inTitleCaseLine("Airlines Cancel Flights Over Safety", 0)).isTrue();
        assertThat(CoreNlpEntityRecognizer.inTitleCaseLine("Shares of Kestrel Air rose sharply today", 10)).isFalse();
    }
}
