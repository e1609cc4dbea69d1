package io.newsstream.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsstream.common.config.ConfigException;
import io.newsstream.common.config.IngestConfig;
import io.newsstream.common.config.NewsstreamConfig;
import io.newsstream.common.ids.ArticleIds;
import io.newsstream.common.model.RawArticle;
import io.newsstream.common.serde.Json;
import io.newsstream.ingest.Ingestor;
import io.newsstream.ingest.MemorySink;
import io.newsstream.ingest.Reporter;
import io.newsstream.ingest.read.ArticleReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IngestHttpServerTest {

    private static final String TEXT = "Lead paragraph about a new tram line.\n\nSecond paragraph with details on the route.";

    private final MemorySink sink = new MemorySink();
    private final StringWriter log = new StringWriter();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Frozen time for the rate limiter: only the test moves it. */
    private final AtomicLong nanos = new AtomicLong();
    private IngestHttpServer server;

    private IngestHttpServer start(Map<String, String> settings) throws IOException {
        Map<String, String> all = new HashMap<>(Map.of("ingest.http.port", "0"));
        all.putAll(settings);
        IngestConfig config = NewsstreamConfig.defaults().with(all).ingest();
        Ingestor ingestor = new Ingestor(ArticleReader.create(config, null, Clock.systemUTC()), sink,
                new Reporter(new PrintWriter(log), System::nanoTime, true));
        server = IngestHttpServer.start(config, ingestor, nanos::get);
        return server;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close(0);
        }
    }

    private HttpResponse<String> post(String contentType, String body, String... headers) throws Exception {
        return post("", contentType, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    private HttpResponse<String> post(String query, String contentType, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri().resolve("/articles" + query))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            b.headers(headers);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        assertThat(r.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
        return Json.mapper().readTree(r.body());
    }

    @Test
    void shouldAcceptAJsonArticleThenCallTheSameOneADuplicate() throws Exception {
        start(Map.of());
        String body = "{\"title\": \"Tram line opens\", \"text\": " + Json.mapper().writeValueAsString(TEXT) + "}";

        HttpResponse<String> first = post("application/json", body);
        HttpResponse<String> second = post("application/json; charset=UTF-8", body);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(json(first).get("id").asText()).isEqualTo(ArticleIds.fromText(TEXT));
        assertThat(json(first).get("status").asText()).isEqualTo("accepted");
        assertThat(second.statusCode()).isEqualTo(202);
        assertThat(json(second).get("status").asText()).isEqualTo("duplicate");
        assertThat(sink.published()).singleElement().extracting(RawArticle::title).isEqualTo("Tram line opens");
    }

    @Test
    void shouldAcceptPlainTextWithMetadataFromQueryAndHeaders() throws Exception {
        start(Map.of());

        HttpResponse<String> r = post("?source=Daily%20Example&publishedAt=2024-12-28", "text/plain; charset=utf-8",
                TEXT.getBytes(StandardCharsets.UTF_8), "X-Article-Title", "Tram line opens", "X-Article-Url", "https://example.org/tram");

        assertThat(r.statusCode()).isEqualTo(202);
        RawArticle a = sink.published().get(0);
        assertThat(a.text()).isEqualTo(TEXT);
        assertThat(a.title()).isEqualTo("Tram line opens");
        assertThat(a.source().name()).isEqualTo("Daily Example");
        assertThat(a.source().url()).isEqualTo("https://example.org/tram");
        assertThat(a.publishedAt()).isEqualTo(Instant.parse("2024-12-28T00:00:00Z"));
    }

    @Test
    void shouldGiveTheSameIdOverHttpAsFromAFile() throws Exception {
        start(Map.of());
        String text = "Headline For A Test Story\n\nThe body of the story, which is long enough to be prose.";

        HttpResponse<String> r = post("text/plain", text);

        assertThat(json(r).get("id").asText()).isEqualTo(ArticleIds.fromText(text));
        assertThat(sink.published().get(0).title()).isEqualTo("Headline For A Test Story");
    }

    @Test
    void shouldAcceptAnArrayAllOrNothing() throws Exception {
        start(Map.of());

        HttpResponse<String> ok = post("application/json", "[{\"text\": \"First piece of news.\"}, {\"text\": \"Second piece of news.\"}]");
        HttpResponse<String> bad = post("application/json", "[{\"text\": \"Third piece of news.\"}, {\"text\": 3}]");

        assertThat(ok.statusCode()).isEqualTo(202);
        assertThat(json(ok).get("articles")).hasSize(2);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).get("error").asText()).isEqualTo("item 2: field 'text' must be a string, got a number");
        assertThat(sink.published()).hasSize(2);
    }

    @Test
    void shouldAnswer400WithTheReason() throws Exception {
        start(Map.of());

        HttpResponse<String> notJson = post("application/json", "{nope");
        HttpResponse<String> noText = post("application/json", "{\"title\": \"t\"}");
        HttpResponse<String> badUtf8 = post("", "text/plain", new byte[] {'a', ' ', (byte) 0xFF, 'b'});

        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(json(notJson).get("error").asText()).startsWith("not JSON:");
        assertThat(json(noText).get("error").asText()).startsWith("no text");
        assertThat(badUtf8.statusCode()).isEqualTo(400);
        assertThat(json(badUtf8).get("error").asText()).startsWith("not valid UTF-8");
        assertThat(sink.published()).isEmpty();
        assertThat(log.toString()).contains("rejected http 127.0.0.1: not JSON");
    }

    @Test
    void shouldAnswer413OverTheBodyLimit() throws Exception {
        start(Map.of("ingest.http.max.bytes", "1000"));

        HttpResponse<String> r = post("text/plain", "word ".repeat(1000));

        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(json(r).get("error").asText()).contains("ingest.http.max.bytes");
        assertThat(sink.published()).isEmpty();
    }

    @Test
    void shouldAnswer415ForOtherContentTypes() throws Exception {
        start(Map.of());

        HttpResponse<String> form = post("application/x-www-form-urlencoded", "text=hello");
        HttpResponse<String> none = post(null, "hello");
        HttpResponse<String> latin1Json = post("application/json; charset=ISO-8859-1", "{\"text\": \"x y\"}");

        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(json(form).get("error").asText()).contains("application/json", "text/plain");
        assertThat(none.statusCode()).isEqualTo(415);
        assertThat(latin1Json.statusCode()).isEqualTo(415);
    }

    @Test
    void shouldDecodePlainTextInItsDeclaredCharset() throws Exception {
        start(Map.of());

        HttpResponse<String> r = post("", "text/plain; charset=ISO-8859-1",
                "Le caf\u00e9 du coin ferme ses portes apr\u00e8s cinquante ans.".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(sink.published().get(0).text()).isEqualTo("Le caf\u00e9 du coin ferme ses portes apr\u00e8s cinquante ans.");
    }

    @Test
    void shouldAnswer405And404() throws Exception {
        start(Map.of());

        HttpResponse<String> get = client.send(HttpRequest.newBuilder(server.uri().resolve("/articles")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> elsewhere = client.send(HttpRequest.newBuilder(server.uri().resolve("/articles/1")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).contains("POST");
        assertThat(elsewhere.statusCode()).isEqualTo(404);
    }

    @Test
    void shouldAnswerHealthWithoutAToken() throws Exception {
        start(Map.of("ingest.http.token", "s3cret-token"));

        HttpResponse<String> r = client.send(HttpRequest.newBuilder(server.uri().resolve("/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).get("status").asText()).isEqualTo("ok");
    }

    @Test
    void shouldRequireTheBearerTokenWhenOneIsSet() throws Exception {
        start(Map.of("ingest.http.token", "s3cret-token"));

        HttpResponse<String> missing = post("text/plain", TEXT);
        HttpResponse<String> wrong = post("", "text/plain", TEXT.getBytes(StandardCharsets.UTF_8), "Authorization", "Bearer s3cret-tokeN");
        HttpResponse<String> basic = post("", "text/plain", TEXT.getBytes(StandardCharsets.UTF_8), "Authorization", "Basic czNjcmV0LXRva2Vu");
        HttpResponse<String> right = post("", "text/plain", TEXT.getBytes(StandardCharsets.UTF_8), "Authorization", "Bearer s3cret-token");

        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(basic.statusCode()).isEqualTo(401);
        assertThat(right.statusCode()).isEqualTo(202);
        assertThat(sink.published()).hasSize(1);
        assertThat(log.toString()).doesNotContain("s3cret").doesNotContain("tram line");
    }

    @Test
    void shouldAnswer429OverTheRateAndRecoverAsTimePasses() throws Exception {
        start(Map.of("ingest.http.rate", "3"));

        int[] codes = new int[5];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = post("text/plain", "Story number " + i + " about the weather.").statusCode();
        }
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        int later = post("text/plain", "A later story about the harbour.").statusCode();

        assertThat(codes).containsExactly(202, 202, 202, 429, 429);
        assertThat(later).isEqualTo(202);
    }

    @Test
    void shouldAnswer503WhenTheArticleCannotBePublished() throws Exception {
        start(Map.of());
        sink.failing(true);

        HttpResponse<String> r = post("text/plain", TEXT);

        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(json(r).get("error").asText()).contains("broker down");
    }

    @Test
    void shouldRefuseToStartOnAnExposedAddressWithoutAToken() {
        IngestConfig config = NewsstreamConfig.defaults().with(Map.of("ingest.http.bind", "0.0.0.0", "ingest.http.port", "0")).ingest();
        Ingestor ingestor = new Ingestor(ArticleReader.create(config, null, Clock.systemUTC()), sink,
                new Reporter(new PrintWriter(log), System::nanoTime, true));

        assertThatThrownBy(() -> IngestHttpServer.start(config, ingestor))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("0.0.0.0")
                .hasMessageContaining("ingest.http.token")
                .hasMessageContaining("NEWSSTREAM_INGEST_HTTP_TOKEN");
    }

    @Test
    void shouldAllowLoopbackWithoutATokenAndAnyAddressWithOne() {
        assertThat(IngestHttpServer.checkExposure("127.0.0.1", Optional.empty()).isLoopbackAddress()).isTrue();
        assertThat(IngestHttpServer.checkExposure("localhost", Optional.empty()).isLoopbackAddress()).isTrue();
        assertThat(IngestHttpServer.checkExposure("::1", Optional.empty()).isLoopbackAddress()).isTrue();
        assertThat(IngestHttpServer.checkExposure("0.0.0.0", Optional.of("t")).isAnyLocalAddress()).isTrue();
        assertThatThrownBy(() -> IngestHttpServer.checkExposure("::", Optional.empty())).isInstanceOf(ConfigException.class);
    }
}
