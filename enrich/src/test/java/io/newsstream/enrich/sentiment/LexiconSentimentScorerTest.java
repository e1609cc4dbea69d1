package io.newsstream.enrich.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsstream.common.model.SentimentLabel;
import org.junit.jupiter.api.Test;

/** Rules of the German, French and Spanish scorer, on hand-written sentences (not for thresholds). */
class LexiconSentimentScorerTest {

    private static SentimentLabel label(String language, String title, String text) {
        return LexiconSentimentScorer.forLanguage(language).score(title, text).document().label();
    }

    @Test
    void shouldReadHarmAsBadNewsInEachLanguage() {
        assertThat(label("de", "Mindestens 40 Tote bei Erdbeben",
                "Bei einem schweren Erdbeben sind mindestens 40 Menschen getötet worden. Hunderte wurden verletzt."))
                .isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(label("fr", "Un séisme fait 40 morts",
                "Un violent séisme a tué au moins 40 personnes. Des centaines de blessés ont été évacués."))
                .isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(label("es", "Un terremoto deja 40 muertos",
                "Un fuerte terremoto ha causado al menos 40 muertos. Cientos de heridos fueron evacuados."))
                .isEqualTo(SentimentLabel.NEGATIVE);
    }

    @Test
    void shouldReadReliefAsGoodNews() {
        assertThat(label("de", "Alle Bergleute gerettet", "Nach drei Tagen wurden alle Bergleute gerettet. "
                + "Die Familien feierten den Erfolg der Retter mit großer Freude.")).isEqualTo(SentimentLabel.POSITIVE);
    }

    @Test
    void shouldTurnTheToneOfAWordAfterANegator() {
        LexiconSentimentScorer de = LexiconSentimentScorer.forLanguage("de");
        double plain = de.sentence("Das war ein Erfolg.")[0];
        double negated = de.sentence("Das war kein Erfolg.")[0];
        assertThat(plain).isPositive();
        assertThat(negated).isNegative();
    }

    @Test
    void shouldNotScoreFunctionWordsThatFoldOntoAScoredWord() {
        LexiconSentimentScorer fr = LexiconSentimentScorer.forLanguage("fr");
        // "sur" (on) folds onto "sûr" (sure), "après" (after) onto the stem of "âpre" (harsh).
        assertThat(fr.sentence("Le livre est sur la table après le dîner.")[0]).isZero();
        assertThat(fr.valence(LexiconSentimentScorer.fold("sûr"))).as("the lexicon's sûr").isPositive();
        // A negator that is also a stopword ("pas") still negates.
        assertThat(fr.sentence("Ce n'est pas un succès.")[0]).isNegative();
        LexiconSentimentScorer es = LexiconSentimentScorer.forLanguage("es");
        assertThat(es.sentence("Llegó desde la ciudad hasta el puerto.")[0]).isZero();
    }

    @Test
    void shouldMatchInflectedFormsByStemAndFoldDiacritics() {
        LexiconSentimentScorer es = LexiconSentimentScorer.forLanguage("es");
        assertThat(es.valence(LexiconSentimentScorer.fold("Catástrofe"))).isNegative();
        assertThat(LexiconSentimentScorer.fold("l’Attaque")).isEqualTo("attaque");
        assertThat(LexiconSentimentScorer.fold("Straße")).isEqualTo("strasse");
    }

    @Test
    void shouldBeNeutralOnAProceduralReport() {
        assertThat(label("de", "Stadtrat tagt am Dienstag",
                "Der Stadtrat tagt am Dienstag im Rathaus. Auf der Tagesordnung stehen der Haushalt und zwei Bauanträge."))
                .isEqualTo(SentimentLabel.NEUTRAL);
    }

    @Test
    void shouldRefuseALanguageWithoutALexicon() {
        assertThatThrownBy(() -> LexiconSentimentScorer.forLanguage("ko")).hasMessageContaining("ko");
    }
}
