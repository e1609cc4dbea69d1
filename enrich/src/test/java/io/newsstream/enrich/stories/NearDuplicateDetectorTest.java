package io.newsstream.enrich.stories;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NearDuplicateDetectorTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final String BODY = "The city council of Springfield approved a new public library on Tuesday after "
            + "a debate that lasted more than four hours. Mayor Jane Whitaker said construction would start in the "
            + "spring and that the building would open within two years. The library will have a children's wing, a "
            + "makerspace and a cafe, and will replace the old branch on Elm Street, which has been closed since a "
            + "flood damaged its basement last autumn. Opponents said the council should have repaired the old branch.";

    private final InMemoryDuplicateIndex index = new InMemoryDuplicateIndex();
    private final NearDuplicateDetector detector = new NearDuplicateDetector(index, Duration.ofDays(3));

    @Test
    void shouldMarkACopyWithFurnitureAndSmallEditsAsADuplicateOfTheFirstSeen() {
        assertThat(detector.check("a", BODY, T0).isDuplicate()).isFalse();
        String copy = "Advertisement\nLocal | 2 min read\n" + BODY.replace("on Tuesday", "on Tuesday evening")
                + "\nShare this story\nSign up for our newsletter";

        NearDuplicateDetector.Verdict v = detector.check("b", copy, T0.plusSeconds(60));

        assertThat(v.duplicateOf()).isEqualTo("a");
        assertThat(v.similarity()).isGreaterThanOrEqualTo(NearDuplicateDetector.MIN_JACCARD);
        // a copy of the copy still points at the first; the copy is indexed, the copy of the copy is not
        assertThat(detector.check("c", copy + " Updated.", T0.plusSeconds(120)).duplicateOf()).isEqualTo("a");
        assertThat(index.get("b").copyOf()).isEqualTo("a");
        assertThat(index.get("c")).isNull();
        assertThat(index.size()).isEqualTo(2);
    }

    @Test
    void shouldFindAVerbatimReprintOfAnEditedCopyThatIsTooFarFromTheOriginalOnItsOwn() {
        String edited = BODY.replace("after a debate that lasted more than four hours", "after a long debate");
        String reprint = "Advertisement\nCity news | 3 min read | Updated 10:42\n" + edited
                + "\nShare this story\nRead more: Council approves new bus lanes\nSign up for our daily newsletter";
        // the case in point: the reprint alone is not close enough to the original, the edited copy is
        NearDuplicateDetector.Content original = NearDuplicateDetector.content(BODY);
        DuplicateEntry originalEntry = new DuplicateEntry("a", 0, original.shingles(), original.signature());
        assertThat(NearDuplicateDetector.best(NearDuplicateDetector.content(edited), java.util.List.of(originalEntry))
                .duplicateOf()).as("the edited copy passes").isEqualTo("a");
        assertThat(NearDuplicateDetector.best(NearDuplicateDetector.content(reprint), java.util.List.of(originalEntry))
                .isDuplicate()).as("the reprint alone does not").isFalse();

        detector.check("a", BODY, T0);
        assertThat(detector.check("b", edited, T0.plusSeconds(60)).duplicateOf()).isEqualTo("a");

        NearDuplicateDetector.Verdict v = detector.check("c", reprint, T0.plusSeconds(120));

        assertThat(v.duplicateOf()).as("the reprint is a copy of the original, found through the edited copy").isEqualTo("a");
        // a redelivered copy gets the same answer and is not indexed twice
        assertThat(detector.check("b", edited, T0.plusSeconds(180)).duplicateOf()).isEqualTo("a");
        assertThat(index.size()).isEqualTo(2);
    }

    @Test
    void shouldNotMarkADifferentWriteUpOfTheSameEventOrAShortQuoteAsACopy() {
        detector.check("a", BODY, T0);
        String rewrite = "Springfield will get a new public library. Councillors voted for the plan on Tuesday; Mayor "
                + "Jane Whitaker expects building work to begin in spring and the doors to open in two years.";
        String quoting = "In other news, " + BODY.substring(0, 120) + " Meanwhile the football club lost again, and the "
                + "weather stayed cold across the county for the third week running, with snow expected at the weekend.";

        assertThat(detector.check("b", rewrite, T0.plusSeconds(60)).isDuplicate()).isFalse();
        assertThat(detector.check("c", quoting, T0.plusSeconds(60)).isDuplicate()).isFalse();
    }

    @Test
    void shouldTreatARedeliveryAsAnOriginalAndForgetOriginalsAfterTheWindow() {
        detector.check("a", BODY, T0);

        assertThat(detector.check("a", BODY, T0.plusSeconds(5)).isDuplicate()).isFalse();
        assertThat(detector.check("late", BODY, T0.plus(Duration.ofDays(4))).isDuplicate()).isFalse();
        assertThat(index.get("a")).isNull();
    }

    @Test
    void shouldRememberTheNewTextOfAnIdSeenAgainWithAnotherText() {
        String other = "Voters in Nord Haven elected Peter Brown as mayor on Sunday with a clear majority after a "
                + "campaign dominated by housing costs, rents and public transport. Turnout was low in the northern "
                + "districts, and the outgoing mayor congratulated Brown in a short statement on the town hall steps.";
        detector.check("a", BODY, T0);

        assertThat(detector.check("a", other, T0.plusSeconds(60)).isDuplicate()).isFalse();

        assertThat(detector.check("b", BODY + " Updated.", T0.plusSeconds(120)).isDuplicate())
                .as("the old text is no longer an original under 'a'").isFalse();
        assertThat(detector.check("c", other + " Updated.", T0.plusSeconds(180)).duplicateOf()).isEqualTo("a");
    }
}
