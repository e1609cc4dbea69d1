package io.newsstream.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstream.common.config.NewsstreamConfig;
import io.newsstream.common.ids.ArticleIds;
import io.newsstream.common.model.RawArticle;
import io.newsstream.common.model.Source;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonInputTest {

    private static final String BODY = "The city council approved the new budget on Tuesday after a long debate.";
    private final ArticleReader reader = ArticleReader.create(NewsstreamConfig.defaults().ingest(), null,
            Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC));

    private ReadResult one(String json) {
        List<ReadResult> r = reader.readJson(json, "test.json");
        assertThat(r).hasSize(1);
        return r.get(0);
    }

    @Test
    void shouldReadAllFieldsOfAnArticleObject() {
        ReadResult r = one("""
                {"id": "council-42", "title": "Budget <b>passes</b>", "text": "%s",
                 "source": {"name": "The Daily Example", "url": "https://example.org/news/42"},
                 "publishedAt": "2024-12-28T10:15:00+01:00", "language": "en-GB", "extra": [1, 2]}
                """.formatted(BODY));

        assertThat(r.error()).isNull();
        RawArticle a = r.article();
        assertThat(a.id()).isEqualTo("council-42");
        assertThat(a.title()).isEqualTo("Budget passes");
        assertThat(a.text()).isEqualTo(BODY);
        assertThat(a.source()).isEqualTo(new Source("The Daily Example", "https://example.org/news/42"));
        assertThat(a.publishedAt()).isEqualTo(Instant.parse("2024-12-28T09:15:00Z"));
        assertThat(a.language()).isEqualTo("en");
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void shouldAcceptFieldAliases() {
        RawArticle a = one("""
                {"headline": "Budget passes", "body": "%s", "outlet": "Example Herald", "url": "http://example.com/a",
                 "published": "2024-12-28", "lang": "de"}
                """.formatted(BODY)).article();

        assertThat(a.title()).isEqualTo("Budget passes");
        assertThat(a.source()).isEqualTo(new Source("Example Herald", "http://example.com/a"));
        assertThat(a.publishedAt()).isEqualTo(Instant.parse("2024-12-28T00:00:00Z"));
        assertThat(a.language()).isEqualTo("de");
        assertThat(one("{\"content\": \"%s\", \"date\": \"Sat, 28 Dec 2024 10:00:00 GMT\", \"source\": \"Wire\"}".formatted(BODY))
                .article()).satisfies(b -> {
                    assertThat(b.publishedAt()).isEqualTo(Instant.parse("2024-12-28T10:00:00Z"));
                    assertThat(b.source().name()).isEqualTo("Wire");
                });
    }

    @Test
    void shouldDeriveTheIdFromTheTextWhenNoneIsGivenSoJsonAndTextAgree(@TempDir Path dir) throws IOException {
        Path txt = dir.resolve("a.txt");
        Files.writeString(txt, BODY + "\n");

        RawArticle fromJson = one("{\"text\": \"  " + BODY + "  \", \"id\": null}").article();
        RawArticle fromText = reader.read(txt).get(0).article();

        assertThat(fromJson.id()).isEqualTo(ArticleIds.fromText(BODY)).isEqualTo(fromText.id());
        assertThat(fromJson.text()).isEqualTo(fromText.text());
    }

    @Test
    void shouldKeepAnUnreadableDateOutWithAWarningNotARejection() {
        ReadResult r = one("{\"text\": \"%s\", \"publishedAt\": \"last Tuesday\"}".formatted(BODY));

        assertThat(r.isAccepted()).isTrue();
        assertThat(r.article().publishedAt()).isNull();
        assertThat(r.warnings()).singleElement().asString().contains("'publishedAt' is not a date", "last Tuesday");
    }

    @Test
    void shouldDropASourceUrlThatIsNotAWebAddress() {
        ReadResult r = one("{\"text\": \"%s\", \"source\": {\"name\": \"X\", \"url\": \"javascript:alert(1)\"}}".formatted(BODY));

        assertThat(r.article().source()).isEqualTo(new Source("X", null));
        assertThat(r.warnings()).singleElement().asString().contains("not an http(s) address");
    }

    @Test
    void shouldReduceHtmlTextToParagraphs() {
        ReadResult r = one("""
                {"text": "<html><head><title>t</title><style>p{}</style></head><body><h1>Budget passes</h1><p>The council <b>approved</b> it.</p><script>alert(1)</script><p>Second&nbsp;paragraph &amp; more.</p></body></html>"}
                """);

        assertThat(r.article().text()).isEqualTo("Budget passes\n\nThe council approved it.\n\nSecond paragraph & more.");
        assertThat(r.warnings()).contains("text was HTML; reduced to plain text");
    }

    @Test
    void shouldLeaveProseThatMentionsATagAlone() {
        String text = "Web developers still argue about whether the <blink> element should ever come back.";
        assertThat(one("{\"text\": \"" + text + "\"}").article().text()).isEqualTo(text);
    }

    @Test
    void shouldReadAnArrayOfArticlesNamingEachItem() {
        List<ReadResult> r = reader.readJson("[{\"text\": \"%s\"}, {\"title\": \"no text\"}]".formatted(BODY), "feed.json");

        assertThat(r).extracting(ReadResult::origin).containsExactly("feed.json[1]", "feed.json[2]");
        assertThat(r.get(0).isAccepted()).isTrue();
        assertThat(r.get(1).error()).startsWith("no text");
    }

    @Test
    void shouldReadJsonLinesNamingTheLineOfEachResultAndSkippingBlankLines(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("feed.jsonl");
        Files.writeString(file, "{\"text\": \"First article text here.\"}\r\n\n   \n{oops\n{\"text\": \"Second article text here.\"}");

        List<ReadResult> r = reader.read(file);

        assertThat(r).extracting(ReadResult::origin)
                .containsExactly(file + ":1", file + ":4", file + ":5");
        assertThat(r).extracting(ReadResult::isAccepted).containsExactly(true, false, true);
        assertThat(r.get(1).error()).startsWith("not JSON");
    }

    @Test
    void shouldReadJsonLinesFromAStream() throws IOException {
        String lines = "{\"text\": \"One article about a harbour.\"}\n{\"text\": \"Another about a bridge.\"}\n";
        List<ReadResult> out = new ArrayList<>();

        reader.readJsonLines(new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)), "stdin:", out::add);

        assertThat(out).extracting(ReadResult::origin).containsExactly("stdin:1", "stdin:2");
        assertThat(out).allMatch(ReadResult::isAccepted);
    }

    @Test
    void shouldReadFoldersRecursivelyInNameOrderSkippingOtherAndHiddenFiles(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("b/sub"));
        Files.createDirectories(dir.resolve(".hidden"));
        Files.writeString(dir.resolve("b/sub/c.txt"), "Third article about rivers and lakes.");
        Files.writeString(dir.resolve("a.json"), "{\"text\": \"First article about mountains.\"}");
        Files.writeString(dir.resolve("b/b.jsonl"), "{\"text\": \"Second article about valleys.\"}\n");
        Files.writeString(dir.resolve("notes.md"), "not read");
        Files.writeString(dir.resolve(".hidden/d.txt"), "not read either");
        Files.writeString(dir.resolve(".e.txt"), "nor this");

        List<ReadResult> r = reader.read(dir);

        assertThat(r).extracting(ReadResult::origin).containsExactly(
                dir.resolve("a.json").toString(), dir.resolve("b/b.jsonl") + ":1", dir.resolve("b/sub/c.txt").toString());
    }

    @Test
    void shouldReadUtf16WithAByteOrderMark(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("utf16.txt");
        Files.write(file, ("\uFEFF" + BODY).getBytes(StandardCharsets.UTF_16LE));

        assertThat(reader.read(file).get(0).article().text()).isEqualTo(BODY);
    }
}
