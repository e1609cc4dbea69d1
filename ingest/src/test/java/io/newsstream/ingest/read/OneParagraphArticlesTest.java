package io.newsstream.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstream.common.config.NewsstreamConfig;
import io.newsstream.common.model.RawArticle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Articles delivered as one paragraph (as many APIs send text): furniture goes sentence by sentence, the story stays. */
class OneParagraphArticlesTest {

    private final ArticleReader reader = ArticleReader.create(NewsstreamConfig.defaults());

    @Test
    void shouldKeepAOneParagraphArticleMinusItsCookieSentence() {
        String text = "The port authority approved the new ferry terminal on Monday after a two-year review. "
                + "Click here to accept all cookies. "
                + "Work will start in May and the first ferries should dock there next summer, the authority said.";

        ReadResult r = reader.readText(text, "api:1");

        assertThat(r.error()).isNull();
        assertThat(r.article().text()).isEqualTo("The port authority approved the new ferry terminal on Monday after a two-year review. "
                + "Work will start in May and the first ferries should dock there next summer, the authority said.");
    }

    @Test
    void shouldRefuseAsNoTextOnlyWhenNoSentenceOfProseIsLeft() {
        ReadResult r = reader.readText("This website uses cookies to improve your experience. Accept all cookies. Manage Preferences",
                "api:2");

        assertThat(r.isAccepted()).isFalse();
        assertThat(r.error()).isEqualTo("no text (nothing is left once page furniture is removed)");
    }

    /**
     * The load test of the issue: one paragraph of 12 sentences drawn at random from the seeds (some of them
     * furniture) per article. Every one must be accepted, with most of its sentences kept.
     */
    @Test
    void shouldAcceptEveryOneParagraphMixOfSeedSentences() throws IOException {
        List<String> sentences = new ArrayList<>();
        try (Stream<Path> files = Files.list(Seeds.dir())) {
            for (Path f : files.sorted().toList()) {
                for (String line : Files.readString(f).split("\\R")) {
                    for (String s : line.strip().split("(?<=[.!?\u201d])\\s+(?=\\p{Lu})")) {
                        if (!s.isBlank()) {
                            sentences.add(s.strip());
                        }
                    }
                }
            }
        }
        Random random = new Random(15);
        int rejected = 0;
        long kept = 0;
        long given = 0;
        for (int i = 0; i < 800; i++) {
            StringBuilder text = new StringBuilder();
            for (int k = 0; k < 12; k++) {
                String s = sentences.get(random.nextInt(sentences.size()));
                text.append(text.length() == 0 ? "" : " ").append(s);
                given += s.length() + 1;
            }
            ReadResult r = reader.readText(text.toString(), "load:" + i);
            if (!r.isAccepted()) {
                rejected++;
                continue;
            }
            RawArticle a = r.article();
            kept += a.text().length();
        }

        System.out.printf(java.util.Locale.ROOT, "one-paragraph mixes: %d of 800 refused, %.3f of the characters kept%n",
                rejected, kept / (double) given);
        assertThat(rejected).as("one-paragraph articles refused").isZero();
        assertThat(kept / (double) given).as("share of the characters kept").isGreaterThan(0.8);
    }
}
