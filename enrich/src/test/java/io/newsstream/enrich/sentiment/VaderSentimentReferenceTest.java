package io.newsstream.enrich.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The faithful port reproduces VADER's published outputs and the reference port's outputs. */
class VaderSentimentReferenceTest {
    private static final Vader VADER = Vader.withDefaultLexicon();

    /** VADER's demo sentences with the figures from the vader-sentiment 1.1.3 package's own test file. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            VADER is smart, handsome, and funny.                                                 | 0.0   | 0.254 | 0.746 |  0.8316
            VADER is not smart, handsome, nor funny.                                             | 0.646 | 0.354 | 0.0   | -0.7424
            VADER is smart, handsome, and funny!                                                 | 0.0   | 0.248 | 0.752 |  0.8439
            VADER is very smart, handsome, and funny.                                            | 0.0   | 0.299 | 0.701 |  0.8545
            VADER is VERY SMART, handsome, and FUNNY.                                            | 0.0   | 0.246 | 0.754 |  0.9227
            VADER is VERY SMART, handsome, and FUNNY!!!                                          | 0.0   | 0.233 | 0.767 |  0.9342
            VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!                             | 0.0   | 0.294 | 0.706 |  0.9469
            The book was good.                                                                   | 0.0   | 0.508 | 0.492 |  0.4404
            The book was kind of good.                                                           | 0.0   | 0.657 | 0.343 |  0.3832
            The plot was good, but the characters are uncompelling and the dialog is not great.  | 0.327 | 0.579 | 0.094 | -0.7042
            At least it isn't a horrible book.                                                   | 0.0   | 0.637 | 0.363 |  0.431
            Make sure you :) or :D today!                                                        | 0.0   | 0.294 | 0.706 |  0.8633
            Today SUX!                                                                           | 0.779 | 0.221 | 0.0   | -0.5461
            Today only kinda sux! But I'll get by, lol                                           | 0.179 | 0.569 | 0.251 |  0.2228
            """)
    void shouldMatchVadersPublishedOutputsOnItsDemoSentences(String text, double neg, double neu, double pos,
            double compound) {
        assertMatches(VADER.polarityScores(text), neg, neu, pos, compound, text);
    }

    @Test
    void shouldMatchTheReferencePortOnEveryCrossCheckSentence() throws IOException {
        List<String> lines = SentimentTestData.resourceLines("/sentiment/vader-js-crosscheck.tsv");
        int checked = 0;
        for (String line : lines) {
            String[] f = line.split("\t", 5);
            assertMatches(VADER.polarityScores(f[4]), Double.parseDouble(f[0]), Double.parseDouble(f[1]),
                    Double.parseDouble(f[2]), Double.parseDouble(f[3]), f[4]);
            checked++;
        }
        assertThat(checked).isGreaterThan(400);
    }

    @Test
    void shouldMatchTheReferencePortOnWholeSeedArticles() throws IOException {
        Path seeds = SentimentTestData.seedsDir();
        for (String line : SentimentTestData.resourceLines("/sentiment/vader-js-seeds.tsv")) {
            String[] f = line.split("\t");
            String text = Files.readString(seeds.resolve(f[0]), StandardCharsets.UTF_8);
            assertMatches(VADER.polarityScores(text), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                    Double.parseDouble(f[3]), Double.parseDouble(f[4]), f[0]);
        }
    }

    @Test
    void shouldScoreAnEmptyTextAsAllZeros() {
        assertThat(VADER.polarityScores("")).isEqualTo(VaderScores.EMPTY);
        assertThat(VADER.polarityScores("  a  ")).isEqualTo(VaderScores.EMPTY);
    }

    @Test
    void shouldKeepContractionsAndEmoticonsAsVaderDoes() {
        assertThat(Vader.wordsAndEmoticons("Hello, world! :) don't (x) a \"hi\"!"))
                .containsExactly("Hello", "world", ":)", "don't", "(x)", "\"hi\"!");
    }

    private static void assertMatches(VaderScores s, double neg, double neu, double pos, double compound, String what) {
        // The reference rounds like JavaScript's toFixed: half away from zero on the exact binary value.
        assertThat(round(s.compound(), 4)).as("compound of %s", what).isCloseTo(compound, within(1e-9));
        assertThat(round(s.negative(), 3)).as("neg of %s", what).isCloseTo(neg, within(1e-9));
        assertThat(round(s.neutral(), 3)).as("neu of %s", what).isCloseTo(neu, within(1e-9));
        assertThat(round(s.positive(), 3)).as("pos of %s", what).isCloseTo(pos, within(1e-9));
    }

    private static double round(double v, int places) {
        return new BigDecimal(v).setScale(places, RoundingMode.HALF_UP).doubleValue();
    }
}
