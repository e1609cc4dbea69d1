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
