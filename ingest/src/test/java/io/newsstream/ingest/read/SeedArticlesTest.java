package io.newsstream.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstream.common.config.IngestConfig;
import io.newsstream.common.config.NewsstreamConfig;
import io.newsstream.common.ids.ArticleIds;
import io.newsstream.common.model.RawArticle;
import io.newsstream.ingest.clean.PageFurniture;
import io.newsstream.ingest.clean.TextCleaner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedArticlesTest {

    private static final Instant NOW = Instant.parse("2025-01-02T03:04:05Z");
    private static final IngestConfig CONFIG = NewsstreamConfig.defaults().ingest();

    private final ArticleReader reader = ArticleReader.create(CONFIG, null, Clock.fixed(NOW, ZoneOffset.UTC));

    private RawArticle read(String name) {
        List<ReadResult> results = reader.read(Seeds.dir().resolve(name));
        assertThat(results).hasSize(1);
        assertThat(results.get(0).error()).isNull();
        return results.get(0).article();
    }

    @Test
    void shouldReadEverySeedInNameOrder() {
        List<ReadResult> results = reader.read(Seeds.dir());

        assertThat(results).hasSize(5).allMatch(ReadResult::isAccepted);
        assertThat(results).extracting(r -> Path.of(r.origin()).getFileName().toString()).containsExactly(
                "000_94b3483d0b91f4f9.txt", "001_b7aa727b01899e0d.txt", "002_abf036b88f016b06.txt",
                "003_7309baf3b2c4bc53.txt", "004_6e250634a503ce67.txt");
        assertThat(results).extracting(r -> r.article().id()).doesNotHaveDuplicates();
        assertThat(results).allSatisfy(r -> {
            assertThat(r.article().ingestedAt()).isEqualTo(NOW);
            assertThat(r.article().schemaVersion()).isEqualTo(RawArticle.SCHEMA_VERSION);
        });
    }

    @Test
    void shouldTakeAHeadlineOnlyWhenTheFirstLinesCarryOne() {
        assertThat(read("000_94b3483d0b91f4f9.txt").title()).isNull();
        assertThat(read("001_b7aa727b01899e0d.txt").title()).isNull();
        assertThat(read("002_abf036b88f016b06.txt").title())
                .isEqualTo("Putin Expresses Regret to Azeri President Following Plane Crash Incident");
        assertThat(read("003_7309baf3b2c4bc53.txt").title())
                .isEqualTo("Putin apologizes to Azerbaijani president over plane crash, yet doesn't acknowledge Russia's responsibility");
        assertThat(read("004_6e250634a503ce67.txt").title()).isNull();
    }

    @Test
    void shouldParseDatelinesAndDateLinesAsStartOfDayUtc() {
        assertThat(read("000_94b3483d0b91f4f9.txt").publishedAt()).isEqualTo(Instant.parse("2024-12-29T00:00:00Z"));
        assertThat(read("001_b7aa727b01899e0d.txt").publishedAt()).isNull();
        assertThat(read("002_abf036b88f016b06.txt").publishedAt()).isNull();
        // the photo caption's "Dec. 27, 2024" is inside prose, not a date line
        assertThat(read("003_7309baf3b2c4bc53.txt").publishedAt()).isNull();
        assertThat(read("004_6e250634a503ce67.txt").publishedAt()).isEqualTo(Instant.parse("2024-12-28T00:00:00Z"));
    }

    @Test
    void shouldKeepTheWholeTextTitleLineIncludedWithoutFurnitureTrimmed() throws IOException {
        try (var files = Files.list(Seeds.dir())) {
            for (Path file : files.sorted().toList()) {
                String original = Files.readString(file, StandardCharsets.UTF_8);
                String expected = TextCleaner.trim(PageFurniture.strip(original.replace("\r\n", "\n")));

                assertThat(read(file.getFileName().toString()).text()).as(file.toString()).isEqualTo(expected);
            }
        }
        assertThat(read("002_abf036b88f016b06.txt").text()).startsWith("Putin Expresses Regret");
    }

    @Test
    void shouldGiveTheSameIdToTheSameFileReadTwice() {
        assertThat(read("001_b7aa727b01899e0d.txt").id()).isEqualTo(read("001_b7aa727b01899e0d.txt").id());
    }

    @Test
    void shouldGiveTheSameIdToACopyWithOtherWhiteSpaceAndQuoteStyles(@TempDir Path dir) throws IOException {
        String original = Files.readString(Seeds.dir().resolve("000_94b3483d0b91f4f9.txt"), StandardCharsets.UTF_8);
        String copy = "\r\n  " + original
                .replace("\u2019", "'").replace("\u201C", "\"").replace("\u201D", "\"").replace("\u2014", "-")
                .replace(" ", "  ").replace("\n", "\r\n\r\n") + "\n\n";
        Path file = dir.resolve("copy.txt");
        Files.writeString(file, copy, StandardCharsets.UTF_8);

        RawArticle a = read("000_94b3483d0b91f4f9.txt");
        RawArticle b = reader.read(file).get(0).article();

        assertThat(copy).isNotEqualTo(original);
        assertThat(b.text()).isNotEqualTo(a.text());
        assertThat(b.id()).isEqualTo(a.id()).isEqualTo(ArticleIds.fromText(a.text()));
    }

    @Test
    void shouldGiveADifferentIdToADifferentText(@TempDir Path dir) throws IOException {
        String original = Files.readString(Seeds.dir().resolve("001_b7aa727b01899e0d.txt"), StandardCharsets.UTF_8);
        Path file = dir.resolve("edited.txt");
        Files.writeString(file, original.replace("38 lives", "39 lives"), StandardCharsets.UTF_8);

        assertThat(reader.read(file).get(0).article().id()).isNotEqualTo(read("001_b7aa727b01899e0d.txt").id());
    }
}
