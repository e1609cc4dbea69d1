package io.newsstream.app.reliability;

import static io.newsstream.app.reliability.BadRecords.PROSE;
import static io.newsstream.app.reliability.BadRecords.article;
import static io.newsstream.app.reliability.BadRecords.quote;
import static io.newsstream.app.reliability.BadRecords.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsstream.common.config.NewsstreamConfig;
import io.newsstream.common.model.EnrichedArticle;
import io.newsstream.common.serde.JsonSerde;
import io.newsstream.common.topics.Topics;
import io.newsstream.enrich.EnrichService;
import io.newsstream.enrich.EnricherFactory;
import io.newsstream.ingest.Ingestor;
import io.newsstream.ingest.Reporter;
import io.newsstream.ingest.http.IngestHttpServer;
import io.newsstream.ingest.publish.ArticlePublisher;
import io.newsstream.ingest.publish.SeenIds;
import io.newsstream.ingest.read.ArticleReader;
import io.newsstream.testkit.KafkaBrokerExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corpus of broken, hostile and odd inputs through every door: straight onto the raw topic (past
 * ingest), as files to {@code newsstream ingest}, as JSON Lines on its standard input, and to the HTTP
 * endpoint. Ingest answers each with a reason a person can read; whatever reaches the raw topic ends
 * either enriched or on the dead-letter topic with a readable reason, once; enrichment stays bounded in
 * time; and a good article after the corpus is still enriched.
 */
class EnrichBadInputIT {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.create();

    private static final Duration DEADLINE = Duration.ofMinutes(4);
    private static final JsonSerde<EnrichedArticle> ENRICHED = JsonSerde.of(EnrichedArticle.class);
    private static final String SECOND_TEXT = "The city council in Lyon approved a new tram line on Tuesday. "
            + "Elena Varga, the transport official, said work would begin in the spring.";

    @TempDir
    static Path work;
    private static NewsstreamConfig config;
    private static EnrichService enrich;

    @BeforeAll
    static void startEnrich() {
        config = NewsstreamConfig.defaults().withBootstrapServers(KAFKA.bootstrapServers()).with(Map.of(
                "enrich.threads", "2", "enrich.state.dir", work.resolve("state").toString()));
        KAFKA.createTopics(config.topics());
        enrich = new EnrichService(config, EnricherFactory.create(config));
        enrich.start();
    }

    @AfterAll
    static void stopEnrich() {
        if (enrich != null) {
            enrich.close();
        }
        // the models take hundreds of MiB; the test classes after this one share the JVM
        enrich = null;
    }

    private static DeliveryLedger ledger() {
        return new DeliveryLedger(KAFKA, config.topics().name(Topics.ENRICHED), config.topics().name(Topics.DEADLETTER));
    }

    private static EnrichedArticle enriched(DeliveryLedger ledger, String key) {
        DeliveryLedger.Seen s = ledger.seen(key).get(0);
        assertThat(s.reason()).as("%s was dead-lettered", key).isNull();
        return ENRICHED.fromBytes(s.value());
    }

    @Test
    void shouldEnrichOrDeadLetterEveryBadRecordWrittenStraightToTheRawTopicWithAReason() throws Exception {
        List<BadRecords.Case> corpus = BadRecords.corpus();
        String raw = config.topics().name(Topics.RAW);
        long t0 = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = KAFKA.producer(new ByteArraySerializer(), new ByteArraySerializer(),
                Map.of("max.request.size", 1_100_000))) {
            for (BadRecords.Case c : corpus) {
                RecordHeaders headers = new RecordHeaders();
                c.headers().forEach(headers::add);
                producer.send(new ProducerRecord<>(raw, null, c.key() == null ? null : utf8(c.key()), c.value(), headers))
                        .get(30, TimeUnit.SECONDS);
            }
            // the same id twice with different texts: two records, two results, the later one last
            producer.send(new ProducerRecord<>(raw, utf8("raw-same"), utf8(article("raw-same", quote(PROSE))))).get(30, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>(raw, utf8("raw-same"), utf8(article("raw-same", quote(SECOND_TEXT))))).get(30, TimeUnit.SECONDS);
            // and a record bigger than the producer may send is refused at once, with the reason, not sent
            var refused = producer.send(new ProducerRecord<>(raw, utf8("raw-10mb"), utf8(article("raw-10mb", quote("word ".repeat(2_000_000))))));
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> refused.get(30, TimeUnit.SECONDS)))
                    .hasRootCauseInstanceOf(org.apache.kafka.common.errors.RecordTooLargeException.class)
                    .rootCause().hasMessageContaining("which is larger than 1100000, which is the value of the max.request.size configuration");
            producer.send(new ProducerRecord<>(raw, utf8("raw-after"), utf8(article("raw-after", quote(SECOND_TEXT))))).get(30, TimeUnit.SECONDS);
        }

        List<String> keys = new ArrayList<>(corpus.stream().map(c -> c.enriched() ? c.enrichedAs() : c.key()).toList());
        keys.add("raw-same");
        keys.add("raw-after");
        try (DeliveryLedger ledger = ledger()) {
            assertThat(ledger.awaitAll(keys, DEADLINE)).as("outcomes missing for %s", ledger.lost(keys)).isTrue();
            ledger.drainToEnd(Duration.ofMinutes(1));
            double seconds = (System.nanoTime() - t0) / 1e9;

            Map<String, String> table = new LinkedHashMap<>();
            for (BadRecords.Case c : corpus) {
                String key = c.enriched() ? c.enrichedAs() : c.key();
                List<DeliveryLedger.Seen> seen = ledger.seen(key);
                table.put(c.kind(), seen.isEmpty() ? "missing" : String.format("%5.1f s %s", (seen.get(0).seenAtNanos() - t0) / 1e9,
                        seen.get(0).reason() == null ? "enriched" : "dead letter: " + seen.get(0).reason()));
                assertThat(seen).as("%s: outcomes", c).hasSize(1);
                if (c.enriched()) {
                    assertThat(seen.get(0).reason()).as("%s: dead-letter reason", c).isNull();
                    assertThat(seen.get(0).topic()).isEqualTo(config.topics().name(Topics.ENRICHED));
                } else {
                    assertThat(seen.get(0).topic()).as("%s", c).isEqualTo(config.topics().name(Topics.DEADLETTER));
                    assertThat(seen.get(0).reason()).as("%s: reason", c).startsWith(c.reason());
                    assertThat(seen.get(0).value()).as("%s: original bytes kept", c).isEqualTo(c.value());
                }
            }
            table.forEach((kind, outcome) -> System.out.printf("EnrichBadInputIT raw: %-55s %s%n", kind, outcome));
            System.out.printf("EnrichBadInputIT: %d kinds straight onto the raw topic (+ same id twice, + a refused 10 MB record) "
                    + "handled in %.0f s%n", corpus.size(), seconds);

            assertThat(enriched(ledger, "raw-16").title()).as("a title is data: kept as sent, escaped by JSON")
                    .isEqualTo("<script>alert('x')</script><img src=x onerror=alert(1)>");
            assertThat(enriched(ledger, "raw-17").flags()).contains(EnrichedArticle.FLAG_UNSUPPORTED_LANGUAGE);
            assertThat(enriched(ledger, "raw-18").flags()).contains(EnrichedArticle.FLAG_UNSUPPORTED_LANGUAGE);
            assertThat(ledger.seen("raw-38-key")).as("results are keyed by the article id, not the record key").isEmpty();
            assertThat(ledger.seen("raw-same")).hasSize(2);
            assertThat(ENRICHED.fromBytes(ledger.seen("raw-same").get(1).value()).text()).isEqualTo(SECOND_TEXT);
            assertThat(ledger.seen("raw-10mb")).isEmpty();
            assertThat(enriched(ledger, "raw-after").entities()).isNotEmpty();
            assertThat(seconds).as("the whole corpus, the slowest allowed articles included").isLessThan(DEADLINE.toSeconds());
            assertThat(enrich.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
        }
    }

    @Test
    void shouldAnswerEachBadFileAndStdinLineWithAReasonAndEnrichWhatItAccepts() throws Exception {
        Path in = work.resolve("cli-in");
        Files.createDirectories(in);
        Map<String, String> rejected = new LinkedHashMap<>();
        file(in, rejected, "01-not-json.json", utf8("hello, world"), "not JSON: Unrecognized token 'hello'");
        file(in, rejected, "02-no-text.json", utf8("{\"title\": \"A headline\"}"), "no text: the object has no 'text' field");
        file(in, rejected, "03-empty-text.json", utf8("{\"text\": \"\"}"), "no text (the text is empty or only white space)");
        file(in, rejected, "04-white-space.json", utf8("{\"text\": \" \\n\\t \\u00a0 \"}"), "no text (the text is empty or only white space)");
        file(in, rejected, "05-ten-mb.txt", utf8("word ".repeat(2 * 1024 * 1024)), "text is 10485760 characters, over the limit of 200000 (ingest.max.chars)");
        file(in, rejected, "06-binary.txt", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13}, "binary data, not text");
        file(in, rejected, "07-latin1.txt", "Caf\u00e9 au lait, a bistro classic".getBytes(StandardCharsets.ISO_8859_1),
                "not valid UTF-8 (bad byte sequence at offset 3); save the file as UTF-8");
        file(in, rejected, "08-nested.json", utf8("[".repeat(500) + "]".repeat(500)), "not JSON this reader accepts: Document nesting depth (65)");
        file(in, rejected, "09-title-number.json", utf8("{\"title\": 42, \"text\": \"" + PROSE + "\"}"), "field 'title' must be a string, got a number");
        file(in, rejected, "10-html-only.json", utf8("{\"text\": \"<div><img src=\\\"x.png\\\"><script>alert(1)</script></div>\"}"),
                "no text (the HTML has no readable text)");
        file(in, rejected, "13-emoji.json", utf8("{\"text\": \"\uD83D\uDE00\uD83D\uDE80 \uD83C\uDF89 !!!\"}"), "no text (no letters at all");
        file(in, rejected, "15-one-mb-line.txt", utf8("A".repeat(1 << 20)), "text is 1048576 characters, over the limit of 200000 (ingest.max.chars)");
        file(in, rejected, "18-array-of-strings.json", utf8("[\"" + PROSE + "\"]"), "expected a JSON object (one article), got a string");
        rejected.put("18-array-of-strings.json[1]", rejected.remove("18-array-of-strings.json"));
        file(in, rejected, "21-nul.txt", utf8("Nul byte\u0000 here. " + PROSE), "binary data, not text (a NUL byte at offset 8)");
        file(in, rejected, "22-token.txt", utf8("Intro. " + "x".repeat(199_000)), "text has a run of 199000 characters without a space (at most 1000)");
        file(in, rejected, "25-id-spaces.json", utf8("{\"id\": \"my article 1\", \"text\": \"" + PROSE + "\"}"),
                "field 'id' is not a usable id ('my article 1')");
        file(in, rejected, "27-empty.txt", new byte[0], "no text");
        file(in, rejected, "28-duplicate-field.json", utf8("{\"text\": \"" + PROSE + "\", \"text\": \"other\"}"), "not JSON: Duplicate field 'text'");
        Map<String, String> accepted = new LinkedHashMap<>();
        accepted.put("11-script-title.json", "{\"id\": \"cli-11\", \"title\": \"<script>alert('x')</script>Mayor <i>resigns</i>\", \"text\": \"" + PROSE + "\"}");
        accepted.put("12-italian.json", "{\"id\": \"cli-12\", \"text\": \"Il porto di Genova è stato riaperto lunedì al traffico dopo lunghe "
                + "riparazioni. L'autorità ha detto che i lavori sono costati meno del previsto.\"}");
        accepted.put("14-control.json", "{\"id\": \"cli-14\", \"text\": \"Bell\\u0007 and escape\\u001b[31m codes. " + PROSE + "\"}");
        accepted.put("16-same-id-a.json", "{\"id\": \"cli-16\", \"text\": \"" + PROSE + "\"}");
        accepted.put("17-same-id-b.json", "{\"id\": \"cli-16\", \"text\": \"" + SECOND_TEXT + "\"}");
        accepted.put("19-huge-number-id.json", "{\"id\": 123456789012345678901234567890, \"text\": \"" + SECOND_TEXT + " Numbers.\"}");
        accepted.put("20-bidi.json", "{\"id\": \"cli-20\", \"title\": \"\u202Egnikaerb\u202C news\", \"text\": \"\u2067Mayor\u2069 says " + PROSE + "\"}");
        accepted.put("23-repeated-word.json", "{\"id\": \"cli-23\", \"text\": \"" + "go ".repeat(50_000) + "\"}");
        accepted.put("26-array.json", "[{\"id\": \"cli-26a\", \"text\": \"" + PROSE + " A.\"}, {\"id\": \"cli-26b\", \"text\": \"" + PROSE + " B.\"}]");
        for (var e : accepted.entrySet()) {
            Files.writeString(in.resolve(e.getKey()), e.getValue());
        }
        Files.writeString(in.resolve("99-good.json"), "{\"id\": \"cli-after\", \"text\": \"" + SECOND_TEXT + " After the corpus.\"}");

        // a folder is read for .txt, .json and .jsonl only; a file named on the command line must be one of those
        Path pdf = work.resolve("24-unsupported.pdf");
        Files.write(pdf, utf8("%PDF-1.4"));

        Cli.Result files = Cli.run(work.resolve("cli"), null, DEADLINE, "ingest", "--bootstrap-server", KAFKA.bootstrapServers(),
                in.toString(), pdf.toString());

        System.out.println("EnrichBadInputIT ingest CLI printed:\n" + files.err());
        assertThat(files.exitCode()).as(files.err()).isEqualTo(1);
        rejected.forEach((name, reason) -> assertThat(files.err()).as(name)
                .contains("ingest: rejected " + in.resolve(name) + ": " + reason));
        assertThat(files.err()).contains("ingest: rejected " + pdf + ": not a file type ingest reads (.pdf)")
                .contains("warning: " + in.resolve("14-control.json") + ": removed 2 control characters")
                .contains("ingest: published 10, skipped 1 duplicate, rejected " + (rejected.size() + 1));

        byte[] lines = utf8(String.join("\n",
                "{\"id\": \"stdin-1\", \"text\": \"" + PROSE + " Line one.\"}",
                "not json",
                "{\"text\": \"\"}",
                "[{\"text\": \"" + PROSE + "\"}]",
                "{\"id\": \"stdin-5\", \"text\": \"" + "\uD83D\uDE00".repeat(10) + "\"}",
                "{\"id\": \"stdin-6\", \"text\": \"" + SECOND_TEXT + " Line six.\"}") + "\n");
        Cli.Result stdin = Cli.run(work.resolve("cli"), lines, DEADLINE, "ingest", "--bootstrap-server", KAFKA.bootstrapServers(), "-");

        assertThat(stdin.exitCode()).as(stdin.err()).isEqualTo(1);
        assertThat(stdin.err())
                .contains("ingest: rejected stdin:2: not JSON: Unrecognized token 'not'")
                .contains("ingest: rejected stdin:3: no text (the text is empty or only white space)")
                .contains("ingest: rejected stdin:4: expected a JSON object (one article per line), got an array")
                .contains("ingest: rejected stdin:5: no text (no letters at all")
                .contains("ingest: published 2, skipped 0 duplicates, rejected 4");

        List<String> ids = List.of("cli-11", "cli-12", "cli-14", "cli-16", "123456789012345678901234567890", "cli-20", "cli-23",
                "cli-26a", "cli-26b", "cli-after", "stdin-1", "stdin-6");
        try (DeliveryLedger ledger = ledger()) {
            assertThat(ledger.awaitAll(ids, DEADLINE)).as("missing %s", ledger.lost(ids)).isTrue();
            ledger.drainToEnd(Duration.ofMinutes(1));
            ids.forEach(id -> assertThat(ledger.seen(id)).as(id).hasSize(1));
            assertThat(enriched(ledger, "cli-11").title()).isEqualTo("Mayor resigns");
            assertThat(enriched(ledger, "cli-12").flags()).contains(EnrichedArticle.FLAG_UNSUPPORTED_LANGUAGE);
            assertThat(enriched(ledger, "cli-16").text()).as("the first text of an id wins; the second is a duplicate").contains("harbour");
            assertThat(ledger.reason("cli-23")).isEqualTo("text has 50000 words, over the limit of 40000 that one article may take to enrich; split it");
            assertThat(enriched(ledger, "cli-after").entities()).isNotEmpty();
        }
    }

    @Test
    void shouldReportARecordTooLargeForTheBrokerAsAFailureAndGoOn() throws Exception {
        Path in = work.resolve("too-large");
        Files.createDirectories(in);
        Files.writeString(in.resolve("a-ten-mb.txt"), "Council report\n\n" + "The council met. ".repeat(650_000));
        Files.writeString(in.resolve("b-good.json"), "{\"id\": \"big-after\", \"text\": \"" + SECOND_TEXT + " Big.\"}");

        Cli.Result r = Cli.run(work.resolve("cli"), null, DEADLINE, "ingest", "--bootstrap-server", KAFKA.bootstrapServers(),
                "--set", "ingest.max.chars=20000000", in.toString());

        System.out.println("EnrichBadInputIT ingest CLI (ingest.max.chars raised) printed:\n" + r.err());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).containsPattern("ingest: failed " + java.util.regex.Pattern.quote(in.resolve("a-ten-mb.txt").toString())
                        + " \\(article [0-9a-f]{16}\\): cannot publish to topic 'news.articles.raw': The message is \\d+ bytes when "
                        + "serialized which is larger than 1048576, which is the value of the max.request.size configuration")
                .contains("ingest: published 1, skipped 0 duplicates, rejected 0, failed 1");
        try (DeliveryLedger ledger = ledger()) {
            assertThat(ledger.awaitAll(List.of("big-after"), DEADLINE)).isTrue();
            assertThat(enriched(ledger, "big-after").id()).isEqualTo("big-after");
        }
    }

    @Test
    void shouldAnswerEachBadRequestToTheHttpEndpointWithAReason() throws Exception {
        NewsstreamConfig http = config.with(Map.of("ingest.http.port", "0", "ingest.http.rate", "1000"));
        StringWriter printed = new StringWriter();
        HttpClient client = HttpClient.newHttpClient();
        Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
        try (ArticlePublisher publisher = ArticlePublisher.create(http, new SeenIds());
             IngestHttpServer server = IngestHttpServer.start(http.ingest(), new Ingestor(
                     ArticleReader.create(http.ingest(), null, Clock.systemUTC()), publisher,
                     new Reporter(new PrintWriter(printed, true), System::nanoTime, true)))) {
            var post = (java.util.function.BiFunction<String, byte[], HttpResponse<String>>) (type, body) -> {
                try {
                    return client.send(HttpRequest.newBuilder(server.uri().resolve("/articles")).header("Content-Type", type)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            answers.put("not JSON", post.apply("application/json", utf8("hello, world")));
            answers.put("JSON without text", post.apply("application/json", utf8("{\"title\": \"x\"}")));
            answers.put("empty body", post.apply("application/json", new byte[0]));
            answers.put("white-space text", post.apply("text/plain", utf8(" \n\t ")));
            answers.put("binary as text", post.apply("text/plain", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0}));
            answers.put("invalid UTF-8", post.apply("application/json", "{\"text\": \"Caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1)));
            answers.put("deeply nested", post.apply("application/json", utf8("[".repeat(500) + "]".repeat(500))));
            answers.put("wrong field type", post.apply("application/json", utf8("{\"text\": {\"p\": 1}}")));
            answers.put("emoji only", post.apply("text/plain", utf8("\uD83D\uDE00\uD83D\uDE80")));
            // Expect: 100-continue, as curl sends for large bodies
            answers.put("3 MB body", client.send(HttpRequest.newBuilder(server.uri().resolve("/articles"))
                    .header("Content-Type", "text/plain").expectContinue(true)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(utf8("word ".repeat(600_000)))).build(), HttpResponse.BodyHandlers.ofString()));
            answers.put("image content type", post.apply("image/png", new byte[] {1, 2, 3}));
            answers.put("array with one bad item", post.apply("application/json", utf8("[{\"text\": \"" + PROSE + "\"}, {\"text\": \"\"}]")));
            answers.put("script in title", post.apply("application/json",
                    utf8("{\"id\": \"http-1\", \"title\": \"<script>alert(1)</script>Pier reopens\", \"text\": \"" + PROSE + "\"}")));
            answers.put("word repeated 50,000 times", post.apply("text/plain",
                    utf8("go ".repeat(50_000))));
            answers.put("good after the corpus", post.apply("application/json",
                    utf8("{\"id\": \"http-after\", \"text\": \"" + SECOND_TEXT + " Over HTTP.\"}")));
        }
        answers.forEach((k, v) -> System.out.printf("EnrichBadInputIT http: %-28s %d %s%n", k, v.statusCode(), v.body()));

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("not JSON", "400 not JSON: Unrecognized token 'hello'");
        expected.put("JSON without text", "400 no text: the object has no 'text' field");
        expected.put("empty body", "400 not JSON: the input is empty");
        expected.put("white-space text", "400 no text (the text is empty or only white space)");
        expected.put("binary as text", "400 binary data, not text");
        expected.put("invalid UTF-8", "400 not valid UTF-8");
        expected.put("deeply nested", "400 not JSON this reader accepts: Document nesting depth (65)");
        expected.put("wrong field type", "400 field 'text' must be a string, got an object");
        expected.put("emoji only", "400 no text (no letters at all");
        expected.put("3 MB body", "413 body is 3000000 bytes, over the limit of 2097152 (ingest.http.max.bytes)");
        expected.put("image content type", "415 content type 'image/png' is not accepted");
        expected.put("array with one bad item", "400 item 2: no text (the text is empty or only white space)");
        expected.put("script in title", "202 ");
        expected.put("word repeated 50,000 times", "202 ");
        expected.put("good after the corpus", "202 ");
        for (var e : expected.entrySet()) {
            String kind = e.getKey();
            String answer = e.getValue();
            HttpResponse<String> r = answers.get(kind);
            String status = answer.substring(0, 3);
            String reason = answer.substring(4);
            assertThat(r.statusCode()).as(kind + ": " + r.body()).isEqualTo(Integer.parseInt(status));
            if (!reason.isEmpty()) {
                String error = io.newsstream.common.serde.Json.mapper().readTree(r.body()).path("error").asText();
                assertThat(error).as(kind).startsWith(reason);
            }
        }
        String repeatedId = io.newsstream.common.serde.Json.mapper().readTree(answers.get("word repeated 50,000 times").body()).path("id").asText();
        try (DeliveryLedger ledger = ledger()) {
            List<String> ids = List.of("http-1", repeatedId, "http-after");
            assertThat(ledger.awaitAll(ids, DEADLINE)).as("missing %s", ledger.lost(ids)).isTrue();
            assertThat(enriched(ledger, "http-1").title()).isEqualTo("Pier reopens");
            assertThat(ledger.reason(repeatedId)).startsWith("text has 50000 words");
            assertThat(enriched(ledger, "http-after").entities()).isNotEmpty();
        }
    }

    private static void file(Path dir, Map<String, String> reasons, String name, byte[] content, String reason) throws Exception {
        Files.write(dir.resolve(name), content);
        reasons.put(name, reason);
    }
}
