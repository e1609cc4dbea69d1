package io.newsstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.newsstream.common.ids.ArticleIds;
import io.newsstream.common.serde.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newsstream ingest --dry-run --url ...} and {@code .html} files as a user runs them, against a local HTTP server. */
class IngestUrlCommandTest {

    private static HttpServer server;
    private static String base;

    private record Run(int exitCode, List<String> lines, String err) {
    }

    static String page(String headline, String canonical) {
        return "<html lang=\"en\"><head><title>" + headline + " - The Courier</title>"
                + (canonical == null ? "" : "<link rel=\"canonical\" href=\"" + canonical + "\">")
                + "<meta property=\"og:site_name\" content=\"The Courier\"></head><body><nav><a href=\"/\">Home</a></nav>"
                + "<article><h1>" + headline + "</h1><p>" + headline + " was announced on Tuesday by the regional council, "
                + "which said the work would take two years and cost less than first planned.</p><p>Residents were told "
                + "at a meeting in the town hall that the roads nearby would stay open, the council's spokeswoman said.</p>"
                + "</article><footer>Contact us</footer></body></html>";
    }

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        for (String name : List.of("bridge", "library")) {
            server.createContext("/news/" + name, ex -> {
                byte[] body = page(name.equals("bridge") ? "New bridge planned" : "Library to reopen", null)
                        .getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                ex.sendResponseHeaders(200, body.length);
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(body);
                }
            });
        }
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static Run ingest(String... args) {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(Stream.concat(Stream.of("ingest"), Stream.of(args)).toArray(String[]::new));
            return new Run(code, out.toString(StandardCharsets.UTF_8).lines().toList(), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }

    @Test
    void shouldPrintOneRawArticlePerPageInTheOrderGivenAndNameAPageThatFails() throws IOException {
        Run run = ingest("--dry-run", "--url", base + "/news/library?utm_source=newsletter", base + "/missing",
                base + "/news/bridge");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.lines()).hasSize(2);
        JsonNode library = Json.mapper().readTree(run.lines().get(0));
        JsonNode bridge = Json.mapper().readTree(run.lines().get(1));
        assertThat(library.get("title").asText()).isEqualTo("Library to reopen");
        assertThat(library.get("id").asText()).isEqualTo(ArticleIds.fromUrl(base + "/news/library"));
        assertThat(library.get("source").get("url").asText()).isEqualTo(base + "/news/library");
        assertThat(library.get("source").get("name").asText()).isEqualTo("The Courier");
        assertThat(library.get("language").asText()).isEqualTo("en");
        assertThat(library.get("text").asText()).startsWith("Library to reopen was announced").doesNotContain("Home", "Contact us");
        assertThat(bridge.get("title").asText()).isEqualTo("New bridge planned");
        assertThat(run.err()).contains("rejected " + base + "/missing: HTTP 404 (not found)");
    }

    @Test
    void shouldReadSavedPagesBesideOtherFiles(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.html"), page("New bridge planned", "https://courier.example/news/bridge"));
        Files.writeString(dir.resolve("b.txt"), "A short report on the weather, which stayed dry all week.");

        Run run = ingest("--dry-run", dir.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.lines()).hasSize(2);
        JsonNode page = Json.mapper().readTree(run.lines().get(0));
        assertThat(page.get("id").asText()).isEqualTo(ArticleIds.fromUrl("https://courier.example/news/bridge"));
        assertThat(page.get("text").asText()).startsWith("New bridge planned was announced");
    }

    @Test
    void shouldRefuseABadTimeout() {
        Run run = ingest("--dry-run", "--timeout", "soon", "--url", base + "/news/bridge");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--timeout");
    }
}
