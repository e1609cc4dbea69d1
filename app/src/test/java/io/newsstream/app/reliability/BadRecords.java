package io.newsstream.app.reliability;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Records written straight to the raw topic, past ingest's checks, as any producer could: each with
 * what the enrich stage must make of it, enriched (under which key) or dead-lettered (with which
 * reason). Bytes, not strings, so broken encodings stay broken.
 */
final class BadRecords {

    /** One raw record and its expected fate. */
    record Case(String kind, String key, byte[] value, Map<String, byte[]> headers, String enrichedAs, String reason) {
        @Override
        public String toString() {
            return kind;
        }

        boolean enriched() {
            return enrichedAs != null;
        }
    }

    static final String PROSE = "The harbour authority reopened the northern pier in Portsmouth on Monday after repairs. "
            + "Maria Lindqvist, who chairs the authority, said the work cost less than planned.";

    private BadRecords() {
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code {"schemaVersion":1,"id":id,"text":text}} with {@code text} as a JSON string literal. */
    static String article(String id, String textLiteral) {
        return "{\"schemaVersion\":1,\"id\":\"" + id + "\",\"ingestedAt\":\"2025-01-10T08:00:00Z\",\"text\":" + textLiteral + "}";
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    private static Case dead(String kind, String key, byte[] value, String reason) {
        return new Case(kind, key, value, Map.of(), null, reason);
    }

    private static Case dead(String kind, String key, String value, String reason) {
        return dead(kind, key, utf8(value), reason);
    }

    private static Case ok(String kind, String key, String value) {
        return new Case(kind, key, utf8(value), Map.of(), key, null);
    }

    /** The corpus: ids {@code raw-NN}, one per kind, unique so each outcome can be found. */
    static List<Case> corpus() {
        List<Case> c = new ArrayList<>();
        c.add(dead("not JSON", "raw-01", "hello, world", "not a valid RawArticle JSON document: Unrecognized token 'hello'"));
        c.add(dead("truncated JSON", "raw-02", "{\"id\": \"raw-02\", \"text\": \"abc", "not a valid RawArticle JSON document: Unexpected end-of-input"));
        c.add(dead("JSON without text", "raw-03", "{\"schemaVersion\":1,\"id\":\"raw-03\",\"title\":\"Headline only\"}", "article has no text"));
        c.add(dead("empty text", "raw-04", article("raw-04", "\"\""), "article has no text"));
        c.add(dead("white-space-only text", "raw-05", article("raw-05", "\" \\n\\t \""), "article has no text"));
        c.add(dead("only no-break and em spaces", "raw-05b", article("raw-05b", "\"\\u00a0\\u2003\\u00a0\""),
                "text has no letters (3 characters of digits, symbols or emoji)"));
        c.add(dead("text over enrich.max.chars", "raw-06", article("raw-06", quote("word ".repeat(60_000))),
                "text is 300000 characters, over the limit of 200000 (enrich.max.chars)"));
        c.add(dead("one 1 MB line without spaces", "raw-07", article("raw-07", quote("A".repeat(1_000_000))),
                "text is 1000000 characters, over the limit of 200000 (enrich.max.chars)"));
        c.add(dead("binary (a PNG header)", "raw-08", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13},
                "not a valid RawArticle JSON document"));
        byte[] latin1 = ("{\"schemaVersion\":1,\"id\":\"raw-09\",\"text\":\"Caf\u00e9 au lait\"}").getBytes(StandardCharsets.ISO_8859_1);
        c.add(dead("invalid UTF-8 inside JSON", "raw-09", latin1, "not a valid RawArticle JSON document: Invalid UTF-8"));
        c.add(dead("deeply nested JSON (an unknown field 5,000 objects deep)", "raw-10", "{\"schemaVersion\":1,\"id\":\"raw-10\",\"x\":"
                + "{\"a\":".repeat(5000) + "1" + "}".repeat(5000) + ",\"text\":\"" + PROSE + "\"}",
                "not a valid RawArticle JSON document: Document nesting depth (65) exceeds the maximum allowed (64"));
        c.add(dead("deeply nested arrays", "raw-10b", "[".repeat(5000) + "]".repeat(5000),
                "not a valid RawArticle JSON document: Cannot deserialize value of type `io.newsstream.common.model.RawArticle` from Array value"));
        c.add(dead("text is an object", "raw-11", article("raw-11", "{\"p\": \"x\"}"), "not a valid RawArticle JSON document: Cannot deserialize value of type `java.lang.String` from Object value"));
        c.add(dead("text is a number", "raw-12", article("raw-12", "42"), "text has no letters (2 characters of digits, symbols or emoji)"));
        c.add(dead("schemaVersion is a word", "raw-13", "{\"schemaVersion\":\"one\",\"id\":\"raw-13\",\"text\":\"" + PROSE + "\"}",
                "not a valid RawArticle JSON document: Cannot deserialize value of type `int` from String \"one\""));
        c.add(dead("publishedAt is not a time", "raw-14", "{\"schemaVersion\":1,\"id\":\"raw-14\",\"publishedAt\":\"yesterday\",\"text\":\"" + PROSE + "\"}",
                "not a valid RawArticle JSON document: Cannot deserialize value of type `java.time.Instant` from String \"yesterday\""));
        c.add(ok("HTML-only text (not cleaned: it skipped ingest)", "raw-15", article("raw-15", quote("<div><p>Council <b>approves</b> budget</p><img src=x></div>"))));
        c.add(ok("script and markup in the title", "raw-16", "{\"schemaVersion\":1,\"id\":\"raw-16\",\"title\":\"<script>alert('x')</script><img src=x onerror=alert(1)>\",\"text\":\"" + PROSE + "\"}"));
        c.add(ok("a language not enriched (Italian)", "raw-17", article("raw-17", quote("Il porto di Genova è stato riaperto lunedì al traffico dopo lunghe riparazioni. "
                + "L'autorità ha detto che i lavori sono costati meno del previsto."))));
        c.add(ok("non-Latin script (Russian)", "raw-18", article("raw-18", quote("Власти города в понедельник вновь открыли северный причал после ремонта. "
                + "Председатель администрации заявил, что работы обошлись дешевле, чем планировалось."))));
        c.add(dead("emoji only", "raw-19", article("raw-19", quote("\uD83D\uDE00\uD83D\uDE80 \uD83C\uDF89 123 !!!")), "text has no letters"));
        c.add(ok("control characters in the text", "raw-20", article("raw-20", quote("Bell\u0007 and escape\u001b[31m codes. " + PROSE))));
        c.add(ok("NUL characters in the text", "raw-21", article("raw-21", quote("Nul\u0000 in the middle. " + PROSE))));
        c.add(dead("a 199,000-character single token", "raw-22", article("raw-22", quote("Intro. " + "x".repeat(199_000))),
                "text has a run of 199000 characters without a space (at most 1000); that is encoded data, not article text"));
        c.add(dead("one word repeated 50,000 times", "raw-23", article("raw-23", quote("go ".repeat(50_000))),
                "text has 50000 words, over the limit of 40000 that one article may take to enrich; split it"));
        c.add(ok("39,000 words: the most one article may have", "raw-24", article("raw-24", quote("news ".repeat(39_000)))));
        c.add(ok("8,000 defined acronyms on one line", "raw-25", article("raw-25", quote("Foo Bar Airlines (FBA) ".repeat(8_000)))));
        c.add(new Case("null key (the id comes from the value)", null, utf8(article("raw-26", quote(PROSE))), Map.of(), "raw-26", null));
        c.add(dead("null value (a tombstone)", "raw-27", (byte[]) null, "record has no value (a tombstone is not an article)"));
        c.add(new Case("odd headers (binary, empty, repeated, a fake error header)", "raw-28", utf8(article("raw-28", quote(PROSE))),
                Map.of("\u0000bin", new byte[] {0, (byte) 0xff, 1}, "", new byte[0], "__streams.errors.message", utf8("forged")),
                "raw-28", null));
        c.add(dead("array instead of object", "raw-29", "[" + article("raw-29", quote(PROSE)) + "]",
                "not a valid RawArticle JSON document: Cannot deserialize value of type `io.newsstream.common.model.RawArticle` from Array value"));
        c.add(dead("huge number as schemaVersion", "raw-30", "{\"schemaVersion\":123456789012345678901234567890,\"id\":\"raw-30\",\"text\":\"" + PROSE + "\"}",
                "not a valid RawArticle JSON document: Numeric value (123456789012345678901234567890) out of range of int"));
        c.add(dead("a newer schemaVersion", "raw-31", "{\"schemaVersion\":2,\"id\":\"raw-31\",\"text\":\"" + PROSE + "\"}",
                "schemaVersion 2 is newer than this enricher understands (1)"));
        c.add(ok("Unicode bidi controls in title and text", "raw-32", "{\"schemaVersion\":1,\"id\":\"raw-32\",\"title\":\"\u202Egnikaerb\u202C news\",\"text\":"
                + quote("\u2067Mayor\u2069 \u202Bsays\u202C " + PROSE) + "}"));
        c.add(dead("id with spaces", "raw-33", "{\"schemaVersion\":1,\"id\":\"my article 1\",\"text\":\"" + PROSE + "\"}",
                "article id is missing or not a valid key (1-128 printable characters, no spaces)"));
        c.add(dead("no id", "raw-34", "{\"schemaVersion\":1,\"text\":\"" + PROSE + "\"}",
                "article id is missing or not a valid key"));
        c.add(dead("JSON null", "raw-35", "null", "JSON null is not a RawArticle"));
        c.add(dead("empty value (zero bytes)", "raw-36", new byte[0], "not a valid RawArticle JSON document: No content to map due to end-of-input"));
        c.add(ok("unknown extra fields", "raw-37", "{\"schemaVersion\":1,\"id\":\"raw-37\",\"extra\":{\"a\":[1,2,3]},\"text\":\"" + PROSE + "\"}"));
        c.add(new Case("record key differs from the id in the value", "raw-38-key", utf8(article("raw-38", quote(PROSE))), Map.of(), "raw-38", null));
        c.add(dead("JSON Lines (two objects) in one record", "raw-39", article("raw-39", quote(PROSE)) + "\n" + article("raw-39b", quote(PROSE)),
                "not a valid RawArticle JSON document: Trailing token (of type START_OBJECT)"));
        c.add(ok("text of only numbers and one word", "raw-40", article("raw-40", quote("1 2 3 4 5 6 7 8 9 10 result"))));
        return c;
    }
}
