package io.newsstream.enrich.stories;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CopyHintsTest {

    private static final String HARBOUR = "Maria Lopez opened the new harbour bridge in Porto Vale on Monday after four "
            + "years of construction across the estuary, and hundreds of people walked across it in the rain.";
    private static final String ELECTION = "Voters in Nord Haven elected Peter Brown as mayor on Sunday with a clear "
            + "majority, ending twelve years of rule by the same party in the town hall.";

    private static NearDuplicateDetector.Content content(String text) {
        return NearDuplicateDetector.content(text);
    }

    @Test
    void shouldPointANearVerbatimCopyAtItsOriginalButNotAnOtherTextOrItself() {
        CopyHints hints = new CopyHints();
        hints.remember("x", content(HARBOUR), 0, 1_000);

        assertThat(hints.copyOf("x-copy", content(HARBOUR + " Reprinted with permission."), 10)).isEqualTo("x");
        assertThat(hints.copyOf("y", content(ELECTION), 10)).isNull();
        assertThat(hints.copyOf("x", content(HARBOUR), 10)).isNull();
    }

    @Test
    void shouldForgetAnOriginalOnceItHasExpired() {
        CopyHints hints = new CopyHints();
        hints.remember("x", content(HARBOUR), 0, 1_000);

        assertThat(hints.copyOf("x-copy", content(HARBOUR), 1_000)).isNull();
    }

    @Test
    void shouldHoldOnlyTheNewestOriginalsUpToItsCapacity() {
        CopyHints hints = new CopyHints(1);
        hints.remember("x", content(HARBOUR), 0, 1_000);
        hints.remember("y", content(ELECTION), 1, 1_000);

        assertThat(hints.size()).isEqualTo(1);
        assertThat(hints.copyOf("x-copy", content(HARBOUR), 10)).isNull();
        assertThat(hints.copyOf("y-copy", content(ELECTION), 10)).isEqualTo("y");
    }

    @Test
    void shouldForgetAnIdsOldTextWhenItIsRememberedWithANewOne() {
        CopyHints hints = new CopyHints();
        hints.remember("x", content(HARBOUR), 0, 1_000);
        hints.remember("x", content(ELECTION), 1, 1_000);

        assertThat(hints.size()).isEqualTo(1);
        assertThat(hints.copyOf("c", content(HARBOUR), 10)).isNull();
        assertThat(hints.copyOf("c", content(ELECTION), 10)).isEqualTo("x");
    }
}
