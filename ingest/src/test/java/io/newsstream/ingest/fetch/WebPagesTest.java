package io.newsstream.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newsstream.common.config.NewsstreamConfig;
import io.newsstream.common.ids.ArticleIds;
import io.newsstream.common.model.RawArticle;
import io.newsstream.ingest.IngestStats;
import io.newsstream.ingest.Ingestor;
import io.newsstream.ingest.Reporter;
import io.newsstream.ingest.publish.PrintingSink;
import io.newsstream.ingest.publish.SeenIds;
import io.newsstream.ingest.read.ArticleReader;
import io.newsstream.ingest.read.ReadResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Web pages (files and {@code --url}) read through the extractor, fetched from a local HTTP server only. */
class WebPagesTest {

    private static final String BODY = """
            <p>The harbour board approved the new container terminal on Monday, after two years of hearings, objections and revised plans.</p>
            <p>Construction starts in the spring, the chair said, and the first ships should berth there in three years' time.</p>
            <p>Fishermen, who had opposed the plan, said they would keep watching how the dredging affects the bay, its birds and its catch.</p>
            """;

    private static HttpServer server;
    private static String base;
    private static final CountDownLatch NEVER = new CountDownLatch(1);

    private final ArticleReader reader = ArticleReader.create(NewsstreamConfig.defaults());
    private final PageFetcher fetcher = new PageFetcher(Duration.ofSeconds(2), 200_000);

    static String page(String canonical, String body) {
        return "<!doctype html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Terminal approved | Harbour Herald</title>"
                + (canonical == null ? "" : "<link rel=\"canonical\" href=\"" + canonical + "\">")
                + "<meta property=\"og:site_name\" content=\"Harbour Herald\">"
                + "<meta property=\"article:published_time\" content=\"2025-03-03T09:30:00Z\"></head><body>"
                + "<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a> <a href=\"/sport\">Sport</a></nav>"
                + "<div class=\"cookie-banner\">We use cookies to improve your experience. Accept all cookies</div>"
                + "<article><h1>Terminal approved</h1>" + body + "</article>"
                + "<aside><h3>Most read</h3><ul><li><a href=\"/a\">Another story about the council budget</a></li></ul></aside>"
                + "<footer>Copyright Harbour Herald. All rights reserved.</footer></body></html>";
    }

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/news/terminal", ex -> send(ex, 200, "text/html; charset=utf-8",
                page(base + "/news/terminal?utm_source=feed", BODY).getBytes(StandardCharsets.UTF_8), false));
        server.createContext("/amp/terminal", ex -> send(ex, 200, "text/html; charset=utf-8",
                page(base + "/news/terminal", BODY).getBytes(StandardCharsets.UTF_8), false));
        server.createContext("/gz/terminal", ex -> send(ex, 200, "text/html; charset=utf-8",
                page(null, BODY).getBytes(StandardCharsets.UTF_8), true));
        server.createContext("/latin1", ex -> send(ex, 200, "text/html; charset=ISO-8859-1",
                page(null, BODY.replace("Fishermen", "P\u00eacheurs")).getBytes(Charset.forName("ISO-8859-1")), false));
        server.createContext("/moved", ex -> {
            ex.getResponseHeaders().add("Location", "/news/terminal");
            send(ex, 301, "text/html", new byte[0], false);
        });
        server.createContext("/loop", ex -> {
            ex.getResponseHeaders().add("Location", "/loop");
            send(ex, 302, "text/html", new byte[0], false);
        });
        server.createContext("/gone", ex -> send(ex, 410, "text/html", "<p>gone</p>".getBytes(StandardCharsets.UTF_8), false));
        server.createContext("/broken", ex -> send(ex, 503, "text/html", new byte[0], false));
        server.createContext("/pdf", ex -> send(ex, 200, "application/pdf", "%PDF-1.4".getBytes(StandardCharsets.UTF_8), false));
        server.createContext("/huge", ex -> send(ex, 200, "text/html", new byte[300_000], false));
        server.createContext("/bomb", ex -> send(ex, 200, "text/html", new byte[5_000_000], true));
        server.createContext("/empty", ex -> send(ex, 200, "text/html",
                "<html><body><nav><a href=\"/\">Home</a></nav></body></html>".getBytes(StandardCharsets.UTF_8), false));
        server.createContext("/hang", ex -> {
            try {
                NEVER.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.createContext("/trickle", ex -> {
            ex.getResponseHeaders().add("Content-Type", "text/html");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream os = ex.getResponseBody()) {
                for (int i = 0; i < 40 && NEVER.getCount() > 0; i++) {
                    os.write("<p>".getBytes(StandardCharsets.UTF_8));
                    os.flush();
                    NEVER.await(200, java.util.concurrent.TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException | IOException e) {
                // the client hung up: what the test expects
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    @AfterAll
    static void stop() {
        NEVER.countDown();
        server.stop(0);
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body, boolean gzip) throws IOException {
        byte[] out = body;
        if (gzip) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
                gz.write(body);
            }
            out = bytes.toByteArray();
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
        }
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(out);
        }
    }

    private RawArticle read(String path) {
        ReadResult r = reader.readUrl(base + path, fetcher);
        assertThat(r.error()).as(path).isNull();
        return r.article();
    }

    @Test
    void shouldExtractTheArticleAndItsMetadataWithoutTheFurniture() {
        RawArticle a = read("/news/terminal");

        assertThat(a.title()).isEqualTo("Terminal approved");
        assertThat(a.text()).startsWith("The harbour board approved").contains("Construction starts in the spring")
                .endsWith("its birds and its catch.").doesNotContain("Home", "cookies", "Most read", "Copyright", "Another story");
        assertThat(a.text().split("\n\n")).hasSize(3);
        assertThat(a.publishedAt()).isEqualTo(Instant.parse("2025-03-03T09:30:00Z"));
        assertThat(a.language()).isEqualTo("en");
        assertThat(a.source().name()).isEqualTo("Harbour Herald");
        assertThat(a.source().url()).isEqualTo(base + "/news/terminal");
    }

    @Test
    void shouldGiveAPageItsIdFromItsNormalisedCanonicalAddress() {
        RawArticle direct = read("/news/terminal");
        RawArticle amp = read("/amp/terminal");
        RawArticle redirected = read("/moved");

        assertThat(direct.id()).isEqualTo(ArticleIds.fromUrl(base + "/news/terminal")).isNotEqualTo(ArticleIds.fromText(direct.text()));
        assertThat(amp.id()).isEqualTo(direct.id());
        assertThat(redirected.id()).isEqualTo(direct.id());
    }

    @Test
    void shouldTakeTheAddressFetchedWhenThePageDeclaresNoneAndReadGzipAndDeclaredCharsets() {
        RawArticle gz = read("/gz/terminal");
        RawArticle latin1 = read("/latin1");

        assertThat(gz.id()).isEqualTo(ArticleIds.fromUrl(base + "/gz/terminal"));
        assertThat(gz.source().url()).isEqualTo(base + "/gz/terminal");
        assertThat(gz.text()).startsWith("The harbour board approved");
        assertThat(latin1.text()).contains("P\u00eacheurs, who had opposed the plan");
    }

    @Test
    void shouldRejectWhatIsNoPageWithAClearReason() {
        assertThat(reject("/gone")).isEqualTo("HTTP 410 (gone)");
        assertThat(reject("/broken")).isEqualTo("HTTP 503 (server error)");
        assertThat(reject("/loop")).startsWith("more than 5 redirects");
        assertThat(reject("/pdf")).isEqualTo("not a web page (Content-Type application/pdf)");
        assertThat(reject("/huge")).isEqualTo("the page is over 200000 bytes; not read");
        assertThat(reject("/bomb")).isEqualTo("the gzipped body inflates to more than 200000 bytes; not read");
        assertThat(reject("/empty")).isEqualTo("no text (the page holds no article text)");
        assertThat(reject("/hang")).isEqualTo("no complete answer within 2 s");
        assertThat(reject("/trickle")).isEqualTo("no complete answer within 2 s");
        assertThat(reader.readUrl("ftp://example.com/x", fetcher).error()).isEqualTo("not an http(s) address with a host");
    }

    private String reject(String path) {
        ReadResult r = reader.readUrl(base + path, fetcher);
        assertThat(r.isAccepted()).as(path).isFalse();
        assertThat(r.origin()).isEqualTo(base + path);
        return r.error();
    }

    @Test
    void shouldPrintOneRecordPerPageInInputOrderAndGoOnAfterAFailure() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Ingestor ingestor = new Ingestor(reader, new PrintingSink(new PrintWriter(out), new SeenIds()),
                new Reporter(new PrintWriter(err), System::nanoTime, true));

        IngestStats.Totals t = ingestor.ingestUrls(List.of(base + "/latin1", base + "/gone", base + "/news/terminal",
                base + "/moved"), fetcher, Duration.ofSeconds(5));

        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("\"url\":\"" + base + "/latin1\"");
        assertThat(lines.get(1)).contains("\"id\":\"" + ArticleIds.fromUrl(base + "/news/terminal") + "\"");
        assertThat(t.published()).isEqualTo(2);
        assertThat(t.duplicates()).isEqualTo(1);
        assertThat(t.rejected()).isEqualTo(1);
        assertThat(err.toString()).contains("rejected " + base + "/gone: HTTP 410 (gone)");
    }

    @Test
    void shouldReadSavedPagesGzippedOrNotAndKeepTheTextIdWhenThePageDeclaresNoAddress(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.html"), page("https://herald.example/news/terminal?utm_medium=email", BODY));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(page(null, BODY).getBytes(StandardCharsets.UTF_8));
        }
        Files.write(dir.resolve("b.html.gz"), bytes.toByteArray());

        List<ReadResult> results = reader.read(dir);

        assertThat(results).hasSize(2).allMatch(ReadResult::isAccepted);
        RawArticle a = results.get(0).article();
        RawArticle b = results.get(1).article();
        assertThat(a.id()).isEqualTo(ArticleIds.fromUrl("https://herald.example/news/terminal"));
        assertThat(a.source().url()).isEqualTo("https://herald.example/news/terminal");
        assertThat(b.text()).isEqualTo(a.text());
        assertThat(b.id()).isEqualTo(ArticleIds.fromText(b.text()));
    }
}
