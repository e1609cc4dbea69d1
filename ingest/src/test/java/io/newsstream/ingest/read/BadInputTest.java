package io.newsstream.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstream.common.config.IngestConfig;
import io.newsstream.common.config.NewsstreamConfig;
import io.newsstream.common.ids.ArticleIds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A corpus of broken, hostile and odd inputs, each with the reason it gets (or the repair made). */
class BadInputTest {

    private static final String PROSE = "The harbour authority reopened the northern pier on Monday after repairs.";

    /** One input: a file name and its bytes, and the start of the reason it must be rejected with. */
    record Case(String kind, String file, byte[] content, String reason) {
        @Override
        public String toString() {
            return kind;
        }
    }

    private static Case json(String kind, String json, String reason) {
        return new Case(kind, "in.json", json.getBytes(StandardCharsets.UTF_8), reason);
    }

    private static Case file(String kind, String name, byte[] content, String reason) {
        return new Case(kind, name, content, reason);
    }

    static Stream<Case> rejected() {
        return Stream.of(
                json("not JSON", "hello, world", "not JSON: Unrecognized token 'hello'"),
                json("truncated JSON", "{\"text\": \"abc", "not JSON: Unexpected end-of-input"),
                json("JSON without text", "{\"title\": \"A headline\"}", "no text: the object has no 'text' field"),
                json("empty text", "{\"text\": \"\"}", "no text (the text is empty or only white space)"),
                json("white-space text", "{\"text\": \" \\n\\t \\u00a0 \"}", "no text (the text is empty or only white space)"),
                json("null text", "{\"text\": null}", "no text: the object has no 'text' field"),
                json("text is an object", "{\"text\": {\"p\": \"x\"}}", "field 'text' must be a string, got an object"),
                json("title is a number", "{\"title\": 42, \"text\": \"" + PROSE + "\"}", "field 'title' must be a string, got a number"),
                json("source is a number", "{\"source\": 7, \"text\": \"" + PROSE + "\"}", "field 'source' must be an object"),
                json("source name is an array", "{\"source\": {\"name\": [\"a\"]}, \"text\": \"" + PROSE + "\"}",
                        "field 'source.name' must be a string, got an array"),
                json("id is an object", "{\"id\": {}, \"text\": \"" + PROSE + "\"}", "field 'id' must be a string, got an object"),
                json("id with spaces", "{\"id\": \"my article 1\", \"text\": \"" + PROSE + "\"}",
                        "field 'id' is not a usable id ('my article 1')"),
                json("id too long", "{\"id\": \"" + "x".repeat(129) + "\", \"text\": \"" + PROSE + "\"}", "field 'id' is not a usable id"),
                json("deeply nested JSON", "[".repeat(200) + "]".repeat(200), "not JSON this reader accepts: Document nesting depth (65)"),
                json("a string instead of an object", "\"" + PROSE + "\"", "expected a JSON object (one article), got a string"),
                json("array of non-objects", "[\"" + PROSE + "\"]", "expected a JSON object (one article), got a string"),
                json("empty array", "[]", "no articles: the JSON array is empty"),
                json("two objects in one .json file", "{\"text\": \"a b\"} {\"text\": \"c d\"}", "not JSON: Trailing token"),
                json("duplicate field", "{\"text\": \"" + PROSE + "\", \"text\": \"other\"}", "not JSON: Duplicate field 'text'"),
                json("HTML with no text", "{\"text\": \"<div><img src=\\\"x.png\\\"><script>alert(1)</script></div>\"}",
                        "no text (the HTML has no readable text)"),
                json("emoji only", "{\"text\": \"\uD83D\uDE00\uD83D\uDE80 \uD83C\uDF89 123 !!!\"}", "no text (no letters at all"),
                file("empty .json file", "in.json", new byte[0], "not JSON: the input is empty"),
                file("empty .txt file", "in.txt", new byte[0], "no text"),
                file("binary data", "image.txt", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13}, "binary data, not text"),
                file("invalid UTF-8", "latin1.txt", "Caf\u00e9 au lait, a bistro classic".getBytes(StandardCharsets.ISO_8859_1),
                        "not valid UTF-8 (bad byte sequence at offset 3)"),
                file("unsupported file type", "article.pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII),
                        "not a file type ingest reads (.pdf)"),
                file("array on a JSON Lines line", "in.jsonl", ("[{\"text\": \"" + PROSE + "\"}]\n").getBytes(StandardCharsets.UTF_8),
                        "expected a JSON object (one article per line), got an array"),
                file("UTF-16 JSON Lines", "in.jsonl", ("\uFEFF{\"text\": \"" + PROSE + "\"}").getBytes(StandardCharsets.UTF_16LE),
                        "JSON Lines must be UTF-8"),
                file("10 MiB of text", "huge.txt", ("word ".repeat(2 * 1024 * 1024)).getBytes(StandardCharsets.US_ASCII),
                        "text is 10485760 characters, over the limit of 200000 (ingest.max.chars)"),
                file("1 MB line without spaces", "blob.txt", "A".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII),
                        "text is 1048576 characters, over the limit of 200000 (ingest.max.chars)"),
                file("base64 blob under the size limit", "blob.txt", ("Photo: " + "QUJD".repeat(10_000)).getBytes(StandardCharsets.US_ASCII),
                        "text has a run of 40000 characters without a space (at most 1000)"));
    }

    private final IngestConfig config = NewsstreamConfig.defaults().ingest();
    private final ArticleReader reader = ArticleReader.create(config, null, Clock.systemUTC());

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void shouldRejectWithAReasonNamingTheFile(Case c, @TempDir Path dir) throws IOException {
        Path file = dir.resolve(c.file());
        Files.write(file, c.content());

        List<ReadResult> results = reader.read(file);

        assertThat(results).hasSize(1);
        ReadResult r = results.get(0);
        assertThat(r.isAccepted()).as("accepted: %s", r).isFalse();
        assertThat(r.error()).startsWith(c.reason());
        assertThat(r.origin()).startsWith(file.toString());
        assertThat(r.describe()).startsWith(file.toString()).contains(c.reason());
    }

    @Test
    void shouldRejectAMissingFile(@TempDir Path dir) {
        assertThat(reader.read(dir.resolve("gone.txt"))).singleElement()
                .satisfies(r -> assertThat(r.error()).isEqualTo("no such file"));
    }

    @Test
    void shouldRejectA1MbLineWithoutSpacesAsDataEvenUnderALargerLimit(@TempDir Path dir) throws IOException {
        ArticleReader roomy = ArticleReader.create(NewsstreamConfig.defaults().with(Map.of("ingest.max.chars", "2000000")).ingest(),
                null, Clock.systemUTC());
        Path file = dir.resolve("line.jsonl");
        Files.writeString(file, "{\"text\": \"" + "x".repeat(1 << 20) + "\"}\n");

        assertThat(roomy.read(file)).singleElement().satisfies(r -> {
            assertThat(r.origin()).isEqualTo(file + ":1");
            assertThat(r.error()).startsWith("text has a run of 1048576 characters without a space");
        });
    }

    @Test
    void shouldStripMarkupAndScriptsFromTitleAndText() {
        ReadResult r = reader.readJson("""
                {"title": "<script>alert('pwned')</script><img src=x onerror=alert(1)>Mayor <i>resigns</i>",
                 "text": "%s Someone wrote <script>alert(2)</script> in a comment."}
                """.formatted(PROSE), "in.json").get(0);

        assertThat(r.isAccepted()).isTrue();
        assertThat(r.article().title()).isEqualTo("Mayor resigns");
        // a script in the text makes it HTML: the script goes, the words stay
        assertThat(r.article().text()).isEqualTo(PROSE + " Someone wrote in a comment.");
    }

    @Test
    void shouldRemoveControlCharactersWithAWarning() {
        ReadResult r = reader.readJson("{\"text\": \"Bell\\u0007 and\\u0000 escape\\u001b[31m codes \\ud800 and a \\u0085 next-line.\"}",
                "in.json").get(0);

        assertThat(r.isAccepted()).isTrue();
        assertThat(r.article().text()).isEqualTo("Bell and escape[31m codes  and a  next-line.");
        assertThat(r.warnings()).containsExactly("removed 5 control characters");
    }

    @Test
    void shouldKeepNewlinesAndTabsAndNormaliseLineEndings() {
        ReadResult r = reader.readText("Title line here today\r\n\r\nFirst\tparagraph.\rSecond paragraph.", "t");

        assertThat(r.article().text()).isEqualTo("Title line here today\n\nFirst\tparagraph.\nSecond paragraph.");
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void shouldDeriveAnIdWhenTheIdIsNull() {
        ReadResult r = reader.readJson("{\"id\": null, \"text\": \"" + PROSE + "\"}", "in.json").get(0);

        assertThat(r.article().id()).isEqualTo(ArticleIds.fromText(PROSE));
    }

    @Test
    void shouldTreatAnUnreadableLanguageAsAHintToDrop() {
        ReadResult r = reader.readJson("{\"language\": \"English!\", \"text\": \"" + PROSE + "\"}", "in.json").get(0);

        assertThat(r.article().language()).isNull();
        assertThat(r.warnings()).singleElement().asString().contains("not a language code");
    }

    @Test
    void shouldShortenAHugeTitle() {
        ReadResult r = reader.readJson("{\"title\": \"" + "word ".repeat(200) + "\", \"text\": \"" + PROSE + "\"}", "in.json").get(0);

        assertThat(r.article().title()).hasSizeLessThanOrEqualTo(ArticleNormaliser.MAX_TITLE_CHARS).endsWith("\u2026");
        assertThat(r.warnings()).singleElement().asString().contains("shortened");
    }

    @Test
    void shouldReportEachBadLineOfAJsonLinesFileAndKeepTheGoodOnes(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mixed.jsonl");
        Files.write(file, ("{\"text\": \"" + PROSE + "\"}\n"
                + "not json\n"
                + "{\"text\": \"\"}\n").getBytes(StandardCharsets.UTF_8));
        byte[] bad = {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, '"', '}', '\n'};
        Files.write(file, bad, java.nio.file.StandardOpenOption.APPEND);

        List<ReadResult> r = reader.read(file);

        assertThat(r).extracting(ReadResult::describe).containsExactly(
                file + ":1: article " + ArticleIds.fromText(PROSE),
                file + ":2: not JSON: Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false') (line 1, column 4)",
                file + ":3: no text (the text is empty or only white space)",
                file + ":4: not valid UTF-8 (bad byte sequence at offset 9); save the file as UTF-8");
    }
}
