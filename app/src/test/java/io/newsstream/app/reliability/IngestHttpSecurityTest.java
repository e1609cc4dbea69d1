package io.newsstream.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.newsstream.common.config.ConfigException;
import io.newsstream.common.config.IngestConfig;
import io.newsstream.common.config.NewsstreamConfig;
import io.newsstream.common.model.RawArticle;
import io.newsstream.ingest.Ingestor;
import io.newsstream.ingest.Reporter;
import io.newsstream.ingest.http.IngestHttpServer;
import io.newsstream.ingest.publish.ArticleSink;
import io.newsstream.ingest.read.ArticleReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The ingest HTTP endpoint as an attacker or a careless operator meets it: a token is required when
 * one is configured, an exposed address without a token is refused at start, bodies and request
 * rates are bounded, and neither article text nor tokens ever reach the logs (every logger at DEBUG,
 * captured) or what ingest prints.
 */
class IngestHttpSecurityTest {

    private static final String TOKEN = "tok-7f3a9c1e5b2d4a6c8e0f";
    private static final String WRONG_TOKEN = "guess-0a1b2c3d4e5f";
    /** A word that appears only in article bodies, so finding it anywhere in the logs means a body leaked. */
    private static final String BODY_MARKER = "Quokkaventure";
    private static final String PROSE = "The harbour authority reopened the northern pier on Monday. " + BODY_MARKER
            + " said the repairs took three months and cost less than planned.";

    private final List<RawArticle> published = new CopyOnWriteArrayList<>();
    private final StringWriter printed = new StringWriter();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private Logger root;
    private Level rootLevel;
    private IngestHttpServer server;

    @BeforeEach
    void captureLogs() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLevel = root.getLevel();
        root.setLevel(Level.ALL);
        ((Logger) LoggerFactory.getLogger("io.newsstream")).setLevel(Level.ALL);
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        root.detachAppender(logs);
        root.setLevel(rootLevel);
        ((Logger) LoggerFactory.getLogger("io.newsstream")).setLevel(null);
    }

    private IngestHttpServer start(Map<String, String> settings) throws Exception {
        IngestConfig config = NewsstreamConfig.defaults().with(settings).ingest();
        ArticleSink sink = new ArticleSink() {
            @Override
            public CompletableFuture<Outcome> publish(RawArticle article) {
                published.add(article);
                return CompletableFuture.completedFuture(Outcome.PUBLISHED);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Ingestor ingestor = new Ingestor(ArticleReader.create(config, null, Clock.systemUTC()), sink,
                new Reporter(new PrintWriter(printed, true), System::nanoTime, true));
        server = IngestHttpServer.start(config, ingestor);
        return server;
    }

    private HttpResponse<String> post(String contentType, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri().resolve("/articles"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldRequireTheConfiguredTokenAndNeverLogBodiesOrTokens() throws Exception {
        start(Map.of("ingest.http.port", "0", "ingest.http.token", TOKEN, "ingest.http.max.bytes", "4096"));
        String json = "{\"title\": \"Pier reopens\", \"text\": \"" + PROSE + "\"}";

        HttpResponse<String> none = post("application/json", json, null);
        HttpResponse<String> wrong = post("application/json", json, WRONG_TOKEN);
        HttpResponse<String> right = post("application/json", json, TOKEN);
        HttpResponse<String> plain = post("text/plain", PROSE + " Second story.", TOKEN);
        HttpResponse<String> bad = post("application/json", "{\"text\": \"" + PROSE, TOKEN);
        HttpResponse<String> noText = post("application/json", "{\"title\": \"" + BODY_MARKER + "\"}", TOKEN);
        HttpResponse<String> big = post("application/json", "{\"text\": \"" + (PROSE + " ").repeat(60) + "\"}", TOKEN);

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.body()).contains("missing or wrong token");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(right.statusCode()).isEqualTo(202);
        assertThat(plain.statusCode()).isEqualTo(202);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("not JSON: Unexpected end-of-input");
        assertThat(noText.statusCode()).isEqualTo(400);
        assertThat(noText.body()).contains("no text");
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(big.body()).contains("over the limit of 4096 (ingest.http.max.bytes)");
        assertThat(published).hasSize(2);

        // the endpoint did log (so the capture works), and nothing logged or printed leaks
        assertThat(logs.list).isNotEmpty();
        assertThat(printed.toString()).contains("rejected");
        assertNoLeak(TOKEN, WRONG_TOKEN, BODY_MARKER, "harbour authority");
    }

    @Test
    void shouldRefuseToStartOnAnExposedAddressWithoutAToken() {
        assertThatThrownBy(() -> start(Map.of("ingest.http.port", "0", "ingest.http.bind", "0.0.0.0")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("refusing to serve HTTP on 0.0.0.0 without a token")
                .hasMessageContaining("ingest.http.token");
        assertThat(server).isNull();
    }

    @Test
    void shouldStartOnAnExposedAddressWithAToken() throws Exception {
        start(Map.of("ingest.http.port", "0", "ingest.http.bind", "0.0.0.0", "ingest.http.token", TOKEN));

        assertThat(server.address().getAddress().isAnyLocalAddress()).isTrue();
        assertNoLeak(TOKEN);
    }

    @Test
    void shouldAnswerTooManyRequestsOverTheRate() throws Exception {
        start(Map.of("ingest.http.port", "0", "ingest.http.rate", "2"));

        List<Integer> statuses = new ArrayList<>();
        List<String> retryAfter = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            HttpResponse<String> r = post("text/plain", PROSE + " Update " + i + ".", null);
            statuses.add(r.statusCode());
            r.headers().firstValue("Retry-After").ifPresent(retryAfter::add);
        }

        assertThat(statuses).contains(202, 429).containsOnly(202, 429);
        assertThat(retryAfter).isNotEmpty().containsOnly("1");
        assertThat(published).hasSize((int) statuses.stream().filter(s -> s == 202).count());
    }

    private void assertNoLeak(String... secrets) {
        for (ILoggingEvent e : logs.list) {
            StringBuilder all = new StringBuilder(e.getFormattedMessage());
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                all.append(' ').append(t.getMessage());
            }
            for (String s : secrets) {
                assertThat(all.toString()).as("log event of %s", e.getLoggerName()).doesNotContain(s);
            }
        }
        for (String s : secrets) {
            assertThat(printed.toString()).as("printed by ingest").doesNotContain(s);
        }
    }
}
