package io.newsstream.enrich.stories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.newsstream.common.model.StoryRef;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TermVectorTest {

    @Test
    void shouldComputeCosineOverSharedKeysOnly() {
        TermVector a = TermVector.of(new int[] {5, 1, 9}, new double[] {1, 2, 2});
        TermVector b = TermVector.of(new int[] {9, 7}, new double[] {3, 4});

        assertThat(a.norm()).isCloseTo(3, within(1e-9));
        assertThat(a.dot(b)).isCloseTo(6, within(1e-9));
        assertThat(a.cosine(b)).isCloseTo(6 / (3.0 * 5), within(1e-6));
        assertThat(a.cosine(TermVector.EMPTY)).isZero();
    }

    @Test
    void shouldSumRepeatedKeysAndKeepTheHeaviestTermsOfASum() {
        TermVector a = TermVector.of(new int[] {3, 3, 8}, new double[] {1, 2, 1});
        TermVector b = TermVector.of(new int[] {8, 2}, new double[] {1.5, 0.5});

        TermVector sum = a.plus(b, 2);

        assertThat(sum.size()).isEqualTo(2);
        assertThat(sum.top(5)).containsExactly(3, 8);
        assertThat(sum.dot(TermVector.of(new int[] {3, 8}, new double[] {1, 1}))).isCloseTo(5.5, within(1e-6));
        assertThat(a.unit().norm()).isCloseTo(1, within(1e-6));
    }

    @Test
    void shouldRoundTripAStoryAndReadAnEarlierReleasesStoryAsAbsent() {
        StoryState s = new StoryState("st_a", 1, 2, 3L, 4, "de", TermVector.of(new int[] {1, -7}, new double[] {0.5, 0.25}),
                TermVector.of(new int[] {42}, new double[] {1}));

        assertThat(Codec.story(Codec.story(s))).isEqualTo(s);
        StoryState dated = new StoryState("st_a", 1, 2, 3L, 4, "de", s.terms(), s.entities(), 2013);
        byte[] bytes = Codec.story(dated);
        assertThat(Codec.story(bytes)).isEqualTo(dated);
        assertThat(Codec.story(Arrays.copyOf(bytes, bytes.length - 2))).as("written before the story's year was kept")
                .isEqualTo(new StoryState("st_a", 1, 2, 3L, 4, "de", s.terms(), s.entities(), 0));
        byte[] versionOne = ByteBuffer.allocate(3).put((byte) 1).putShort((short) 0).array();
        assertThat(Codec.story(versionOne)).isNull();
        assertThat(Codec.articleFeatures(versionOne)).isNull();
        ArticleFeatures f = new ArticleFeatures("a", new StoryRef("st_a", null, 1.0), 1, null, Map.of("e1", 0.5), new int[] {7, 2});
        assertThat(Codec.articleFeatures(Codec.articleFeatures(f)).story()).isEqualTo(f.story());
        assertThat(Codec.strings(Codec.strings(List.of("x", "y")))).containsExactly("x", "y");
    }
}
