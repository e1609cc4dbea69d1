package io.newsstream.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PlainTextHeaderTest {

    private static PlainTextHeader.Header detect(String text) {
        return PlainTextHeader.detect(text);
    }

    @Test
    void shouldFindAHeadlineAfterASectionLabelAndABylineDate() {
        PlainTextHeader.Header h = detect("""
                Business

                Shipyard Wins Contract for Three Ferries
                By Ann Example
                Published 3 March 2025

                The shipyard said on Monday that it had won the order.
                """);

        assertThat(h.title()).isEqualTo("Shipyard Wins Contract for Three Ferries");
        assertThat(h.publishedAt()).isEqualTo(Instant.parse("2025-03-03T00:00:00Z"));
    }

    @Test
    void shouldTakeAHeadlineThatAWireTagInBracketsOpens() {
        assertThat(detect("(LEAD) Ferry Service Resumes After Storm\n\nThe ferry sailed again on Monday.").title())
                .isEqualTo("(LEAD) Ferry Service Resumes After Storm");
        assertThat(detect("(2nd LD) Ferry Service Resumes After Storm\n\nThe ferry sailed again on Monday.").title())
                .isEqualTo("(2nd LD) Ferry Service Resumes After Storm");
        assertThat(detect("[Weekly Review] Ferry Service Resumes After Storm\n\nThe ferry sailed again.").title())
                .isEqualTo("[Weekly Review] Ferry Service Resumes After Storm");
    }

    @Test
    void shouldNotTakeABracketedAsideOrATagBeforeProseForAHeadline() {
        assertThat(detect("(This story was updated with more details on the timetable and a statement) Ferry Sails\n\nBody.")
                .title()).isNull();
        assertThat(detect("(LEAD) The ferry sailed again on Monday after the storm.\nIt was full.").title()).isNull();
        assertThat(detect("(LEAD) lower-case words after the tag\n\nBody text.").title()).isNull();
    }

    @Test
    void shouldTakeAQuestionAsAHeadline() {
        assertThat(detect("Will the bridge open on time?\n\nEngineers are not sure.").title())
                .isEqualTo("Will the bridge open on time?");
    }

    @Test
    void shouldNotTakeProseOrABylineOrNavigationForAHeadline() {
        assertThat(detect("The council met on Monday to discuss the budget.\nIt agreed.").title()).isNull();
        assertThat(detect("By Ann Example and Bob Example\n\nThe council met on Monday.").title()).isNull();
        assertThat(detect("Home | World | Europe\n\nThe council met on Monday.").title()).isNull();
        assertThat(detect("Only a single line of text without full stop").title()).isNull();
        assertThat(detect("lower-case start is not a headline here\n\nBody text.").title()).isNull();
    }

    @Test
    void shouldReadIsoDatesWithTimesAndOffsets() {
        assertThat(detect("Updated 2025-03-03T14:30:00+02:00\nHeadline Goes Right Here\nBody.").publishedAt())
                .isEqualTo(Instant.parse("2025-03-03T12:30:00Z"));
    }

    @Test
    void shouldReadDayFirstNumericDatesUnlessTheMonthMustComeFirst() {
        assertThat(detect("03.04.2025\nText follows here.").publishedAt()).isEqualTo(Instant.parse("2025-04-03T00:00:00Z"));
        assertThat(detect("04/23/2025\nText follows here.").publishedAt()).isEqualTo(Instant.parse("2025-04-23T00:00:00Z"));
        assertThat(detect("31-02-2025\nText follows here.").publishedAt()).as("no 31 February").isNull();
    }

    @Test
    void shouldIgnoreDatesInsideProse() {
        assertThat(detect("The minister, who took office on March 3, 2021, resigned today after a long dispute.\n").publishedAt())
                .isNull();
    }

    @Test
    void shouldReadStructuredDateFields() {
        assertThat(Dates.parseField("2024-12-28")).contains(Instant.parse("2024-12-28T00:00:00Z"));
        assertThat(Dates.parseField("2024-12-28T10:00:00")).contains(Instant.parse("2024-12-28T10:00:00Z"));
        assertThat(Dates.parseField("2024-12-28T10:00:00Z")).contains(Instant.parse("2024-12-28T10:00:00Z"));
        assertThat(Dates.parseField("2024-12-28T10:00:00+01:00[Europe/Paris]")).contains(Instant.parse("2024-12-28T09:00:00Z"));
        assertThat(Dates.parseField("Sat, 28 Dec 2024 10:00:00 GMT")).contains(Instant.parse("2024-12-28T10:00:00Z"));
        assertThat(Dates.parseField("yesterday")).isEmpty();
    }
}
