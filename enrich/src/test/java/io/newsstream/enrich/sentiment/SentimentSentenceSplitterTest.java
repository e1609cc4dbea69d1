package io.newsstream.enrich.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstream.common.model.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentimentSentenceSplitterTest {
    private final SentenceSplitter splitter = new SentenceSplitter();

    private List<String> sentences(String text) {
        return splitter.split(text).stream().map(s -> text.substring(s.start(), s.end())).toList();
    }

    @Test
    void shouldSplitOnTerminalPunctuationFollowedByACapital() {
        assertThat(sentences("The plane crashed. Nobody survived! Why? Nobody knows."))
                .containsExactly("The plane crashed.", "Nobody survived!", "Why?", "Nobody knows.");
    }

    @Test
    void shouldNotSplitAfterTitlesInitialsOrInitialisms() {
        assertThat(sentences("Mr. Aliyev met Dr. Smith and John F. Kennedy Jr. in the U.S. capital. Then they left."))
                .containsExactly("Mr. Aliyev met Dr. Smith and John F. Kennedy Jr. in the U.S. capital.", "Then they left.");
        assertThat(sentences("U.S. President Joe Biden spoke. The U.N. agreed."))
                .containsExactly("U.S. President Joe Biden spoke.", "The U.N. agreed.");
    }

    @Test
    void shouldNotSplitAfterAMonthAbbreviationBeforeADay() {
        assertThat(sentences("It crashed on Dec. 25, 2024. Flights stopped on Jan. 3."))
                .containsExactly("It crashed on Dec. 25, 2024.", "Flights stopped on Jan. 3.");
        assertThat(sentences("He lives at No. 10 Downing Street. Asked again, he said no. Then he left."))
                .containsExactly("He lives at No. 10 Downing Street.", "Asked again, he said no.", "Then he left.");
    }

    @Test
    void shouldKeepClosingQuotesWithTheirSentence() {
        assertThat(sentences("\u201cWe are sorry.\u201d The minister left. He said: \"It is over.\" Then silence."))
                .containsExactly("\u201cWe are sorry.\u201d", "The minister left.", "He said: \"It is over.\"",
                        "Then silence.");
    }

    @Test
    void shouldNotSplitInsideNumbersOrBeforeLowerCase() {
        assertThat(sentences("Shares fell 3.5 percent. \"Why?\" he asked. See e.g. the report."))
                .containsExactly("Shares fell 3.5 percent.", "\"Why?\" he asked.", "See e.g. the report.");
    }

    @Test
    void shouldSplitAtLineBreaksUnlessTheNextLineContinuesInLowerCase() {
        assertThat(sentences("Airlines Cancel Flights\nSeveral airlines cancelled\nflights this week.\n\nFollow us on:"))
                .containsExactly("Airlines Cancel Flights", "Several airlines cancelled\nflights this week.",
                        "Follow us on:");
    }

    @Test
    void shouldGiveSpansThatExcludeSurroundingWhitespace() {
        String text = "  First one.   Second one.  \n";
        List<Span> spans = splitter.split(text);
        assertThat(spans).containsExactly(new Span(2, 12), new Span(15, 26));
    }

    @Test
    void shouldReturnNothingForBlankText() {
        assertThat(splitter.split("")).isEmpty();
        assertThat(splitter.split(" \n\t ")).isEmpty();
    }
}
