package io.newsstream.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstream.common.model.RawArticle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CorpusTest {

    /** The repository's seeds: the nearest {@code seeds/} above the working directory. */
    private static Path seeds() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("seeds"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("a seeds/ folder above the working directory").isNotNull();
        return dir.resolve("seeds");
    }

    private final Corpus corpus = Corpus.load(seeds());

    @Test
    void shouldStartWithTheSeedsThenVariantsUnderTheGivenIds() {
        List<RawArticle> articles = corpus.articles(30, "run", 7L);

        assertThat(articles).hasSize(30);
        assertThat(articles).extracting(RawArticle::id).doesNotHaveDuplicates().allMatch(id -> id.startsWith("run-"));
        assertThat(articles.subList(0, corpus.seedCount())).extracting(RawArticle::text).doesNotContainNull();
        for (RawArticle variant : articles.subList(corpus.seedCount(), articles.size())) {
            assertThat(variant.text().length()).isGreaterThan(500);
            assertThat(variant.title()).isNotBlank();
        }
    }

    @Test
    void shouldGiveTheSameArticlesForTheSameSeed() {
        assertThat(corpus.articles(12, "a", 3L)).extracting(RawArticle::text)
                .containsExactlyElementsOf(corpus.articles(12, "a", 3L).stream().map(RawArticle::text).toList());
        assertThat(corpus.articles(12, "a", 4L).get(11).text()).isNotEqualTo(corpus.articles(12, "a", 3L).get(11).text());
    }

    @Test
    void shouldMakeVariantsThatAreNotNearDuplicatesOfEachOtherOrOfASeed() {
        List<RawArticle> articles = corpus.articles(60, "v", 11L);
        double worst = 0;
        for (int i = 0; i < articles.size(); i++) {
            for (int j = Math.max(i + 1, corpus.seedCount()); j < articles.size(); j++) {
                worst = Math.max(worst, jaccard(shingles(articles.get(i).text()), shingles(articles.get(j).text())));
            }
        }
        // Near-duplicate detectors look for resemblance well above one half.
        assertThat(worst).isLessThan(0.5);
    }

    @Test
    void shouldCopyTitleAndTextUnderANewIdAndSource() {
        RawArticle original = corpus.articles(1, "o", 1L).get(0);
        RawArticle copy = Corpus.copyOf(original, "copy-1");
        assertThat(copy.id()).isEqualTo("copy-1");
        assertThat(copy.text()).isEqualTo(original.text());
        assertThat(copy.title()).isEqualTo(original.title());
        assertThat(copy.source()).isNotEqualTo(original.source());
    }

    private static Set<String> shingles(String text) {
        String[] words = text.toLowerCase(Locale.ROOT).split("\\W+");
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 3 <= words.length; i++) {
            out.add(words[i] + " " + words[i + 1] + " " + words[i + 2]);
        }
        return out;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return union.isEmpty() ? 0 : (double) both.size() / union.size();
    }
}
