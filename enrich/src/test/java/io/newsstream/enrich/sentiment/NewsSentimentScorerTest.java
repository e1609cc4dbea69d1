package io.newsstream.enrich.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.newsstream.common.model.Sentiment;
import io.newsstream.common.model.SentimentLabel;
import io.newsstream.enrich.nlp.ScoredSentence;
import io.newsstream.enrich.nlp.Tone;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NewsSentimentScorerTest {
    private static final NewsSentimentScorer SCORER = new NewsSentimentScorer();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "holdout"})
    void shouldLabelAtLeastNinetyPercentOfTheHandLabelledSentencesAsAReaderWould(String set) throws IOException {
        List<SentimentTestData.Sentence> sentences = SentimentTestData.sentences("/sentiment/sentences-" + set + ".tsv");
        List<String> misses = new ArrayList<>();
        for (SentimentTestData.Sentence s : sentences) {
            String got = SCORER.score(null, s.text()).document().label().wire();
            if (!got.equals(s.label())) {
                misses.add(s.label() + " read as " + got + ": " + s.text());
            }
        }
        assertThat(sentences).hasSizeGreaterThanOrEqualTo(set.equals("dev") ? 70 : 40);
        assertThat(1.0 - (double) misses.size() / sentences.size()).as("accuracy; misses: %s", misses)
                .isGreaterThanOrEqualTo(0.90);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "holdout"})
    void shouldLabelAtLeastNinetyPercentOfTheHandLabelledArticlesAsAReaderWould(String set) throws IOException {
        List<SentimentTestData.Article> articles = SentimentTestData.articles("/sentiment/articles-" + set + ".txt");
        List<String> misses = new ArrayList<>();
        for (SentimentTestData.Article a : articles) {
            String got = SCORER.score(a.title(), a.body()).document().label().wire();
            if (!got.equals(a.label())) {
                misses.add(a.id() + " " + a.label() + " read as " + got + ": " + a.title());
            }
        }
        assertThat(articles).hasSizeGreaterThanOrEqualTo(set.equals("dev") ? 25 : 12);
        assertThat(1.0 - (double) misses.size() / articles.size()).as("accuracy; misses: %s", misses)
                .isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void shouldReadEverySeedArticleAsNegative() throws IOException {
        List<Path> seeds;
        try (Stream<Path> files = Files.list(SentimentTestData.seedsDir())) {
            seeds = files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assertThat(seeds).hasSize(5);
        for (Path seed : seeds) {
            Sentiment s = SCORER.score(null, Files.readString(seed, StandardCharsets.UTF_8)).document();
            assertThat(s.label()).as("%s scored %s", seed.getFileName(), s).isEqualTo(SentimentLabel.NEGATIVE);
        }
    }

    @Test
    void shouldReadNewsEventWordsAsTheNewsItself() {
        assertThat(label("The company won a large order to build two ships.")).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(label("Investigators raided the company's offices over unpaid wages.")).isEqualTo(SentimentLabel.NEGATIVE);
    }

    @Test
    void shouldReadWonAfterAnAmountAsACurrencyNotAVictory() {
        assertThat(SCORER.score(null, "The bank lent the firm 70,000 won.").document().score()).isZero();
        assertThat(SCORER.score(null, "The bank lent the firm seven billion won.").document().score()).isZero();
        assertThat(label("The firm won the contract.")).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(label("The runner who in 2019 won the title returns.")).isEqualTo(SentimentLabel.POSITIVE);
    }

    @Test
    void shouldNotLetRitualCourtesyFlipTheToneOfAHarmStory() {
        String body = "Three people died when the bus crashed on Monday. "
                + "The operator offered its heartfelt condolences and sincere apologies, and wished the injured a "
                + "swift and full recovery. \"Our thoughts and prayers are with the families, and we thank the "
                + "wonderful rescue teams for their courage and kindness,\" it said.";
        Vader vader = Vader.withDefaultLexicon();
        assertThat(vader.polarityScores(body).compound()).as("plain VADER reads it positive").isPositive();
        assertThat(SCORER.score(null, body).document().label()).isEqualTo(SentimentLabel.NEGATIVE);
    }

    @Test
    void shouldReadRitualCourtesyOnItsOwnAsNeutral() {
        String text = "The company thanked customers for their patience and support.";
        assertThat(Vader.withDefaultLexicon().polarityScores(text).compound()).as("plain VADER").isPositive();
        assertThat(label(text)).isEqualTo(SentimentLabel.NEUTRAL);
    }

    @Test
    void shouldReadAProceduralReportInMildlyPositiveWordsAsNeutral() {
        // Positive (+0.16) when VADER's positive words counted in full; +0.09 with the negativity bias.
        String title = "Company names new chief executive";
        String body = "The company named its finance director as chief executive on Monday. She will take up the "
                + "post in April and succeeds the founder, who is retiring. The board said she has its full support.";
        Vader vader = Vader.withDefaultLexicon();
        assertThat(vader.polarityScores(title + "\n" + body).compound()).as("plain VADER").isGreaterThan(0.5);
        assertThat(SCORER.score(title, body).document().label()).isEqualTo(SentimentLabel.NEUTRAL);
    }

    @Test
    void shouldHalvePositiveRegisterWordsButKeepTheFullValenceOfNewsEvents() {
        double plain = Vader.withDefaultLexicon().polarityScores("The committee approved the plan.").compound();
        double news = SCORER.score(null, "The committee approved the plan.").document().score();
        assertThat(news).isPositive().isLessThan(plain);
        assertThat(label("Rescuers freed the boy.")).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(label("Profits rose.")).isEqualTo(SentimentLabel.POSITIVE);
    }

    @Test
    void shouldTakeTheToneOfAChangeFromWhatChanges() {
        assertThat(label("Inflation fell to 2 percent in March.")).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(label("Profits fell 30 percent in March.")).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(label("Unemployment rose to 9 percent.")).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(label("Exports rose to a record high.")).isEqualTo(SentimentLabel.POSITIVE);
    }

    @Test
    void shouldNegateWithNoAndNobody() {
        assertThat(label("Nobody was injured in the fire drill.")).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(label("The driver was injured in the crash.")).isEqualTo(SentimentLabel.NEGATIVE);
    }

    @Test
    void shouldWeighTheTitleMoreThanABodySentence() {
        String body = "The report was published on Monday. It covers the year to March.";
        double plain = SCORER.score(null, body).document().score();
        double withBadTitle = SCORER.score("Dozens killed in flood", body).document().score();
        double badSentenceInBody = SCORER.score(null, body + " Dozens were killed in a flood.").document().score();
        assertThat(withBadTitle).isLessThan(badSentenceInBody).isLessThan(plain);
    }

    @Test
    void shouldCountAQuoteAtLessThanTheSameWordsInNarration() {
        List<NewsSentimentScorer.Reading> readings = SCORER.read(null,
                "The council met on Monday. \"This is a terrible, shameful failure.\"\n"
                        + "The council met on Monday. This is a terrible, shameful failure.");
        assertThat(readings).hasSize(4);
        assertThat(readings.get(1).tone().compound).isCloseTo(readings.get(3).tone().compound, within(1e-9));
        assertThat(readings.get(1).weight()).isLessThan(readings.get(3).weight());
    }

    @Test
    void shouldIgnoreWebsiteFurnitureParagraphs() {
        String article = "Shares rose sharply after the results.\n\n"
                + "This website uses cookies to improve your experience. We hope you love it! Accept Read More";
        List<NewsSentimentScorer.Reading> readings = SCORER.read(null, article);
        assertThat(readings).hasSize(4);
        assertThat(readings.subList(1, 4)).allSatisfy(r -> assertThat(r.weight()).isZero());
        assertThat(SCORER.score(null, article).document().score())
                .isCloseTo(SCORER.score(null, "Shares rose sharply after the results.").document().score(), within(1e-9));
    }

    @Test
    void shouldGiveSentenceScoresWithOffsetsIntoTheBody() throws IOException {
        Path seed = SentimentTestData.seedsDir().resolve("002_abf036b88f016b06.txt");
        String text = Files.readString(seed, StandardCharsets.UTF_8);
        Tone tone = SCORER.score(null, text);
        assertThat(tone.sentences()).hasSizeGreaterThan(30);
        int previousEnd = 0;
        for (ScoredSentence s : tone.sentences()) {
            assertThat(s.start()).isGreaterThanOrEqualTo(previousEnd);
            assertThat(s.end()).isGreaterThan(s.start()).isLessThanOrEqualTo(text.length());
            assertThat(s.score()).isBetween(-1.0, 1.0);
            assertThat(Character.isWhitespace(text.charAt(s.start()))).isFalse();
            previousEnd = s.end();
        }
        assertThat(tone.sentences()).anySatisfy(s -> assertThat(text.substring(s.start(), s.end()))
                .isEqualTo("Mr. Putin informed Mr. Aliyev that the plane had made several attempts to land in Grozny."));
    }

    @Test
    void shouldGiveProportionsThatAddUpToOneAndAScoreInRange() throws IOException {
        for (SentimentTestData.Article a : SentimentTestData.articles("/sentiment/articles-dev.txt")) {
            Sentiment s = SCORER.score(a.title(), a.body()).document();
            assertThat(s.positive() + s.negative() + s.neutral()).as(a.id()).isCloseTo(1.0, within(1e-9));
            assertThat(s.positive()).isBetween(0.0, 1.0);
            assertThat(s.negative()).isBetween(0.0, 1.0);
            assertThat(s.score()).isBetween(-1.0, 1.0);
            assertThat(s.label()).isEqualTo(NewsSentimentScorer.label(s.score()));
        }
    }

    @Test
    void shouldReadAnEmptyArticleAsNeutralWithNoSentences() {
        Tone tone = SCORER.score(null, "");
        assertThat(tone.document()).isEqualTo(new Sentiment(SentimentLabel.NEUTRAL, 0, 0, 0, 1));
        assertThat(tone.sentences()).isEmpty();
        assertThat(SCORER.score("  ", null).sentences()).isEmpty();
    }

    @Test
    void shouldLoadLexiconsOrFailNamingTheResource() {
        assertThat(VaderLexicon.loadDefault().size()).isEqualTo(7503);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> NewsLexicon.load("/no/such/news.tsv"))
                .hasMessageContaining("/no/such/news.tsv");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> VaderLexicon.load("/no/such/lexicon.txt"))
                .hasMessageContaining("/no/such/lexicon.txt");
    }

    private static SentimentLabel label(String text) {
        return SCORER.score(null, text).document().label();
    }
}
