package io.newsstream.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstream.enrich.nlp.Mention;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Texts built to hit the recogniser's patterns thousands of times on one line. Examining the whole
 * line once per hit made the first of these take about two minutes; the line is now examined once.
 * The bound is loose (a shared CI machine is slow) but far below the old time.
 */
class RecognizerWorstCaseTest {

    private static final Duration BOUND = Duration.ofSeconds(40);
    private static CoreNlpEntityRecognizer recognizer;

    @BeforeAll
    static void load() {
        recognizer = new CoreNlpEntityRecognizer();
    }

    @Test
    void shouldRecogniseEightThousandDefinedAcronymsOnOneLineInBoundedTime() {
        String text = "Foo Bar Airlines (FBA) ".repeat(8_000);

        long t0 = System.nanoTime();
        List<Mention> mentions = recognizer.recognize(text);
        Duration took = Duration.ofNanos(System.nanoTime() - t0);

        assertThat(took).isLessThan(BOUND);
        assertThat(mentions).extracting(Mention::text).contains("Foo Bar Airlines", "FBA");
    }
}
