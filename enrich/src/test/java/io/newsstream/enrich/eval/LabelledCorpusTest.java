package io.newsstream.enrich.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstream.common.model.RawArticle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledCorpusTest {

    private static final Instant MONDAY = Instant.parse("2024-03-04T09:00:00Z");
    private static final Instant FRIDAY = Instant.parse("2024-03-08T09:00:00Z");

    @TempDir
    Path dir;

    private LabelledCorpus corpus() throws IOException {
        Files.writeString(dir.resolve("articles.jsonl"), "");
        Files.writeString(dir.resolve("labels.json"), """
                {"articles": {"late": {"story": "s1"}, "undated": {"story": "s1"}, "early": {"story": "s2"}}}
                """);
        // file order: undated first, then the later article, then the earlier one
        List<RawArticle> articles = List.of(
                RawArticle.of("undated", null, "Undated report", null, null, null, "Text one."),
                RawArticle.of("late", null, "Later report", FRIDAY, null, null, "Text two."),
                RawArticle.of("early", null, "Earlier report", MONDAY, null, null, "Text three."));
        return LabelledCorpus.folder(dir, file -> articles.stream()
                .map(a -> new LabelledCorpus.Read(file + ":" + a.id(), a, null)).toList());
    }

    @Test
    void shouldStreamInPublicationOrderWithUndatedArticlesLastUnderBothClocks() throws IOException {
        LabelledCorpus c = corpus();

        for (LabelledCorpus.Clock clock : LabelledCorpus.Clock.values()) {
            assertThat(c.items(clock)).extracting(LabelledCorpus.Item::goldKey).containsExactly("early", "late", "undated");
        }
        assertThat(c.items()).isSameAs(c.items(LabelledCorpus.Clock.INGEST));
    }

    @Test
    void shouldIngestTheFileAfterItsLatestPublicationOneStepApart() throws IOException {
        List<Instant> times = corpus().items().stream().map(i -> i.article().ingestedAt()).toList();

        assertThat(times).containsExactly(FRIDAY, FRIDAY.plus(LabelledCorpus.INGEST_STEP),
                FRIDAY.plus(LabelledCorpus.INGEST_STEP.multipliedBy(2)));
    }

    @Test
    void shouldReplayEachArticleAtItsPublicationTimeAndUndatedOnesAStepAfterTheLast() throws IOException {
        List<Instant> times = corpus().items(LabelledCorpus.Clock.PUBLICATION).stream()
                .map(i -> i.article().ingestedAt()).toList();

        assertThat(times).containsExactly(MONDAY, FRIDAY, FRIDAY.plus(LabelledCorpus.STEP));
    }

    @Test
    void shouldKeepPublicationTimesAndTextUnderEitherClock() throws IOException {
        for (LabelledCorpus.Clock clock : LabelledCorpus.Clock.values()) {
            RawArticle early = corpus().items(clock).get(0).article();
            assertThat(early.publishedAt()).isEqualTo(MONDAY);
            assertThat(early.text()).isEqualTo("Text three.");
        }
    }
}
