package io.newsstream.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newsstream.common.config.NewsstreamConfig;
import io.newsstream.common.model.RawArticle;
import io.newsstream.ingest.fetch.PageFetcher;
import io.newsstream.ingest.fetch.PoliteFetcher;
import io.newsstream.ingest.read.ArticleReader;
import io.newsstream.ingest.read.ReadResult;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Feeds and their pages on a local HTTP server only. */
class FeedReaderTest {

    private static final String[] TOPICS = {"harbour terminal", "river bridge", "school budget", "tram line", "wind farm"};
    private static HttpServer server;
    private static String base;
    private static final AtomicInteger PAGE_REQUESTS = new AtomicInteger();

    private final ArticleReader reader = ArticleReader.create(NewsstreamConfig.defaults());
    private final FeedReader feeds = new FeedReader(reader, new PoliteFetcher(new PageFetcher(Duration.ofSeconds(2)), Duration.ZERO));

    static String body(int i) {
        String topic = TOPICS[i % TOPICS.length];
        return "<p>The council approved plan number " + i + " for the " + topic + " on Monday, after two years of hearings, "
                + "objections and revised drawings from the engineers.</p>"
                + "<p>Work on the " + topic + " starts in spring, the chair said, and should take three years if the "
                + "money arrives on time.</p><p>Residents who had opposed plan " + i + " said they would keep watching "
                + "how the works affect their street, its trees and its traffic.</p>";
    }

    static String rss(int items) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
                + "<title>Harbour Herald</title><link>" + base + "/</link>");
        for (int i = 0; i < items; i++) {
            sb.append("<item><title>Plan ").append(i).append(" approved</title><link>/news/").append(i)
                    .append("?utm_source=rss</link><guid>").append(base).append("/news/").append(i)
                    .append("</guid><pubDate>Mon, 03 Mar 2025 09:30:00 GMT</pubDate><description>Plan ").append(i)
                    .append(" approved.</description></item>");
        }
        return sb.append("</channel></rss>").toString();
    }

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/rss100", ex -> send(ex, 200, "application/rss+xml", rss(100)));
        server.createContext("/news/", ex -> {
            PAGE_REQUESTS.incrementAndGet();
            String n = ex.getRequestURI().getPath().substring("/news/".length());
            if (n.equals("404")) {
                send(ex, 404, "text/html", "<p>not here</p>");
                return;
            }
            int i = Integer.parseInt(n);
            send(ex, 200, "text/html; charset=utf-8", "<!doctype html><html><head><title>Plan " + i + " approved</title>"
                    + "<link rel=\"canonical\" href=\"" + base + "/news/" + i + "\"></head><body><nav><a href=\"/\">Home</a></nav>"
                    + "<article><h1>Plan " + i + " approved</h1>" + body(i) + "</article></body></html>");
        });
        server.createContext("/atom", ex -> send(ex, 200, "application/atom+xml",
                "<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Wire</title>"
                        + "<entry><title>Plan 7 approved</title><link rel=\"alternate\" href=\"" + base + "/full/7\"/>"
                        + "<id>urn:x:7</id><published>2025-03-03T09:30:00Z</published><content type=\"html\"><![CDATA["
                        + body(7) + body(8) + body(9) + "]]></content></entry></feed>"));
        server.createContext("/summary-only", ex -> send(ex, 200, "application/rss+xml",
                "<rss version=\"2.0\"><channel><item><title>Plan 5 approved</title><link>" + base + "/news/404</link>"
                        + "<description><![CDATA[" + body(5) + "]]></description></item></channel></rss>"));
        server.createContext("/broken.xml", ex -> send(ex, 200, "application/rss+xml",
                "<rss version=\"2.0\"><channel><item><title>Plan</title></channel></rss>"));
        server.createContext("/html", ex -> send(ex, 200, "text/html", "<!DOCTYPE html><html><body><p>A page</p></body></html>"));
        server.createContext("/xxe", ex -> send(ex, 200, "application/rss+xml",
                "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
                        + "<rss version=\"2.0\"><channel><item><title>&x;</title><link>" + base + "/news/1</link></item></channel></rss>"));
        server.createContext("/gone", ex -> send(ex, 410, "text/html", "<p>gone</p>"));
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(b);
        }
    }

    @Test
    void shouldReadAHundredEntriesAsAHundredArticlesOnceEach() throws Exception {
        FeedReader.Result first = feeds.read(base + "/rss100");
        FeedReader.Result again = feeds.read(base + "/rss100");

        assertThat(first.entries()).isEqualTo(100);
        assertThat(first.articles()).hasSize(100).allMatch(ReadResult::isAccepted);
        List<RawArticle> articles = first.articles().stream().map(ReadResult::article).toList();
        assertThat(articles.stream().map(RawArticle::id).distinct()).hasSize(100);
        assertThat(articles.get(3).title()).isEqualTo("Plan 3 approved");
        assertThat(articles.get(3).text()).contains("plan number 3").doesNotContain("Home");
        assertThat(articles.get(3).source().url()).as("the canonical address, tracking parameters gone")
                .isEqualTo(base + "/news/3");
        assertThat(again.articles()).as("a second poll reads no entry twice").isEmpty();
        assertThat(again.skipped()).isEqualTo(100);
    }

    @Test
    void shouldTakeAFullTextEntryFromTheFeedWithoutFetchingItsPage() throws Exception {
        int before = PAGE_REQUESTS.get();

        FeedReader.Result r = feeds.read(base + "/atom");

        assertThat(r.articles()).hasSize(1);
        RawArticle a = r.articles().get(0).article();
        assertThat(a.title()).isEqualTo("Plan 7 approved");
        assertThat(a.text()).contains("plan number 7").contains("plan number 9");
        assertThat(a.publishedAt()).isEqualTo(Instant.parse("2025-03-03T09:30:00Z"));
        assertThat(PAGE_REQUESTS.get()).isEqualTo(before);
    }

    @Test
    void shouldFallBackToTheFeedsSummaryWhenThePageCannotBeFetched() throws Exception {
        FeedReader.Result r = feeds.read(base + "/summary-only");

        assertThat(r.articles()).hasSize(1);
        assertThat(r.articles().get(0).isAccepted()).isTrue();
        assertThat(r.articles().get(0).article().text()).contains("plan number 5");
    }

    @Test
    void shouldNameWhatIsWrongWithAFeed() {
        assertThatThrownBy(() -> feeds.read(base + "/broken.xml")).isInstanceOf(FeedException.class)
                .hasMessageStartingWith("not well-formed XML at line 1");
        assertThatThrownBy(() -> feeds.read(base + "/html")).isInstanceOf(FeedException.class)
                .hasMessage("not a feed: the address returned an HTML page");
        assertThatThrownBy(() -> feeds.read(base + "/gone")).isInstanceOf(FeedException.class).hasMessageContaining("410");
        assertThatThrownBy(() -> feeds.read("ftp://example.invalid/feed")).isInstanceOf(FeedException.class);
    }

    @Test
    void shouldNeverReadAnExternalEntity() throws Exception {
        try {
            FeedReader.Result r = feeds.read(base + "/xxe");
            assertThat(r.articles()).allSatisfy(x -> assertThat(x.isAccepted() ? x.article().title() : "").isNullOrEmpty());
        } catch (FeedException e) {
            assertThat(e.getMessage()).contains("not well-formed XML");
        }
    }

    @Test
    void shouldParseRssAndAtomDates() {
        assertThat(FeedParser.date("Tue, 3 Dec 2024 07:00:00 +0100")).isEqualTo(Instant.parse("2024-12-03T06:00:00Z"));
        assertThat(FeedParser.date("2024-12-03T07:00:00+01:00")).isEqualTo(Instant.parse("2024-12-03T06:00:00Z"));
        assertThat(FeedParser.date("yesterday")).isNull();
    }
}
