package io.newsstream.ingest.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PageFurnitureTest {

    @Test
    void shouldRemoveASectionLabelAboveAHeadline() {
        String text = "Politics\n\nCouncil approves the new budget after long debate\n\nThe council voted on Monday.";

        assertThat(PageFurniture.strip(text))
                .isEqualTo("Council approves the new budget after long debate\n\nThe council voted on Monday.");
    }

    @Test
    void shouldKeepAShortHeadlineFollowedByProse() {
        String text = "Budget passes\n\nThe council approved it on Monday.\n\nA second paragraph follows.";

        assertThat(PageFurniture.strip(text)).isEqualTo(text);
    }

    @Test
    void shouldRemoveCookieAndConsentNotices() {
        String text = """
                The council voted on Monday.

                We need your consent to load this video-player content. We use video-player to manage extra content that may set cookies on your device. Please check the details and accept them to see the content. Manage Preferences

                The vote passed.
                This website uses cookies to improve your experience. We'll assume you're ok with this, but you can opt-out if you wish. Accept Read More""";

        assertThat(PageFurniture.strip(text)).isEqualTo("The council voted on Monday.\n\nThe vote passed.");
    }

    @Test
    void shouldRemoveOnlyTheNoticeSentencesFromAnArticleSentAsOneParagraph() {
        String text = "The council voted on Monday to approve the harbour plan. This website uses cookies to improve your "
                + "experience. Accept all cookies. Manage Preferences The vote passed by nine to four, the mayor said.";

        assertThat(PageFurniture.strip(text))
                .isEqualTo("The council voted on Monday to approve the harbour plan. The vote passed by nine to four, the mayor said.");
    }

    @Test
    void shouldKeepASentenceThatReportsOnCookies() {
        String text = "Regulators fined the publisher after finding that its banner made refusing tracking far harder than "
                + "the single click it took to accept all cookies, the authority said on Tuesday. The firm will appeal.";

        assertThat(PageFurniture.strip(text)).isEqualTo(text);
    }

    @Test
    void shouldRemoveAnEmbeddedPostInsideAParagraphButKeepTheSentencesAroundIt() {
        String text = "The minister reacted online. Great talks today with @someleader on trade. pic.twitter.com/AbC123 "
                + "\u2014 Jane Doe (@janedoe) March 3, 2025 Officials later confirmed the meeting.";

        assertThat(PageFurniture.strip(text)).isEqualTo("The minister reacted online. Officials later confirmed the meeting.");
    }

    @Test
    void shouldRemoveSocialEmbedsButKeepTheReportAroundThem() {
        String text = """
                The minister reacted online.

                Great talks today with @someleader on trade. We agreed to meet again. pic.twitter.com/AbC123

                — Jane Doe (@janedoe) March 3, 2025

                Officials later confirmed the meeting.
                Follow us on:""";

        assertThat(PageFurniture.strip(text)).isEqualTo("The minister reacted online.\n\nOfficials later confirmed the meeting.");
    }

    @Test
    void shouldRemoveLabelsCreditsReadTimesAndHeaders() {
        String text = """
                 date 2025-03-01 Home
                Politics

                Harbour plan approved

                3 min read
                The new harbour (Ana Silva/Reuters) will open next year, the mayor said (the town of) Port.
                Article image
                Advertisement""";

        assertThat(PageFurniture.strip(text))
                .isEqualTo("Harbour plan approved\n\nThe new harbour will open next year, the mayor said (the town of) Port.");
    }

    @Test
    void shouldRemoveASidebarOfOtherStoriesThroughShowMore() {
        String text = """
                Main story text.
                Most read

                Other story about a footballer.

                Another story about an election.
                Show More
                Closing line of the page.""";

        assertThat(PageFurniture.strip(text)).isEqualTo("Main story text.\nClosing line of the page.");
    }

    @Test
    void shouldRemoveASidebarToTheEndWhenItHasNoEnd() {
        assertThat(PageFurniture.strip("Body.\n\nRelated\nA story elsewhere.")).isEqualTo("Body.");
    }

    @Test
    void shouldKeepOrdinaryArticlesUntouched() {
        String text = "Rain fell in the north.\n\nThe river rose by two metres, officials said.";

        assertThat(PageFurniture.strip(text)).isEqualTo(text);
        assertThat(PageFurniture.strip(null)).isEmpty();
        assertThat(PageFurniture.strip("")).isEmpty();
    }

    @Test
    void shouldStripTheSeedsFurniture() throws IOException {
        Path seeds = seeds();
        String s1 = PageFurniture.strip(Files.readString(seeds.resolve("001_b7aa727b01899e0d.txt")));
        String s2 = PageFurniture.strip(Files.readString(seeds.resolve("002_abf036b88f016b06.txt")));
        String s3 = PageFurniture.strip(Files.readString(seeds.resolve("003_7309baf3b2c4bc53.txt")));
        String s4 = PageFurniture.strip(Files.readString(seeds.resolve("004_6e250634a503ce67.txt")));

        assertThat(s1).doesNotContain("Follow us").endsWith("handling of the crisis.");
        assertThat(s2).doesNotContain("consent", "cookies", "pic.twitter.com", "@ZelenskyyUa", "@presidentaz")
                .contains("White House spokesman John Kirby", "El Al announced the suspension");
        assertThat(s3).doesNotContain("News Feed", "Donald Trump", "Show More", "Getty Images", "2 min read", "Article image")
                .startsWith("Putin apologizes").contains("media outlet Meduza.");
        assertThat(s4).doesNotContain("date 2024-12-28").startsWith("Saturday, December 28, 2024");
        assertThat(s2.split("\n\n").length).isGreaterThan(20);
    }

    private static Path seeds() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("seeds"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("a seeds/ directory above the working directory").isNotNull();
        return dir.resolve("seeds");
    }
}
