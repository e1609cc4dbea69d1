package io.newsstream.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.newsstream.common.config.NewsstreamConfig;
import io.newsstream.common.metrics.StageMetrics;
import io.newsstream.ingest.fetch.PageFetcher;
import io.newsstream.ingest.fetch.PoliteFetcher;
import io.newsstream.ingest.fetch.RetryPolicy;
import io.newsstream.ingest.read.ArticleReader;
import io.newsstream.ingest.read.ReadResult;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How feeds are fetched on a poll, each on its own local server (one origin, one robots.txt): conditionally,
 * with robots.txt honoured, and with bounded retries. Time is a fake clock: backoff and delays are recorded,
 * never waited.
 */
class FeedPolitenessTest {

    private final ArticleReader reader = ArticleReader.create(NewsstreamConfig.defaults());
    private final List<HttpServer> servers = new ArrayList<>();
    private final long[] now = {1_000_000_000L};
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final StageMetrics metrics = new StageMetrics();
    /** Requests per path, and the headers of the last one. */
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final AtomicReference<com.sun.net.httpserver.Headers> lastHeaders = new AtomicReference<>();

    @AfterEach
    void stop() {
        servers.forEach(s -> s.stop(0));
    }

    /** A server answering {@code handlers} by path prefix; 404 for anything else (also /robots.txt). */
    private String serve(Map<String, HttpHandler> handlers) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        handlers.forEach((path, h) -> server.createContext(path, ex -> {
            hits.computeIfAbsent(ex.getRequestURI().getPath(), k -> new AtomicInteger()).incrementAndGet();
            lastHeaders.set(ex.getRequestHeaders());
            h.handle(ex);
        }));
        server.start();
        servers.add(server);
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private FeedReader feeds(RetryPolicy retry, Duration hostDelay) {
        PoliteFetcher fetcher = new PoliteFetcher(new PageFetcher(Duration.ofSeconds(5), PageFetcher.userAgent("ops@example.org")),
                hostDelay, retry, () -> now[0], nanos -> {
            sleeps.add(Duration.ofNanos(nanos));
            now[0] += nanos;
        }, () -> 0.0);
        return new FeedReader(reader, fetcher, metrics);
    }

    private int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        if (type != null) {
            ex.getResponseHeaders().add("Content-Type", type);
        }
        ex.sendResponseHeaders(status, status == 304 ? -1 : b.length);
        try (OutputStream os = ex.getResponseBody()) {
            if (status != 304) {
                os.write(b);
            }
        }
    }

    /** An RSS feed whose entries carry their full text, so that no page is fetched. */
    private static String rss(String base, int from, int to) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Herald</title>");
        for (int i = from; i < to; i++) {
            sb.append("<item><title>Plan ").append(i).append(" approved</title><link>").append(base).append("/news/").append(i)
                    .append("</link><content:encoded><![CDATA[").append(FeedReaderTest.body(i)).append(FeedReaderTest.body(i + 100))
                    .append(FeedReaderTest.body(i + 200)).append("]]></content:encoded></item>");
        }
        return sb.append("</channel></rss>").toString();
    }

    private static String page(int i) {
        return "<!doctype html><html><head><title>Plan " + i + " approved</title></head><body><article><h1>Plan " + i
                + " approved</h1>" + FeedReaderTest.body(i) + "</article></body></html>";
    }

    @Test
    void shouldSendTheFeedsValidatorsBackAndTakeA304AsNotModifiedWithoutParsing() throws Exception {
        AtomicInteger version = new AtomicInteger(1);
        AtomicInteger conditional = new AtomicInteger();
        AtomicInteger notModified = new AtomicInteger();
        String[] base = new String[1];
        base[0] = serve(Map.of("/feed", ex -> {
            String etag = "\"v" + version.get() + "\"";
            String since = ex.getRequestHeaders().getFirst("If-None-Match");
            String modifiedSince = ex.getRequestHeaders().getFirst("If-Modified-Since");
            if (since != null || modifiedSince != null) {
                conditional.incrementAndGet();
            }
            ex.getResponseHeaders().add("ETag", etag);
            ex.getResponseHeaders().add("Last-Modified", "Mon, 03 Mar 2025 09:30:0" + version.get() + " GMT");
            if (etag.equals(since)) {
                notModified.incrementAndGet();
                send(ex, 304, null, "");
            } else {
                send(ex, 200, "application/rss+xml", rss(base[0], 0, 2 * version.get()));
            }
        }));
        FeedReader feeds = feeds(RetryPolicy.DEFAULT, Duration.ZERO);

        FeedReader.Result first = feeds.read(base[0] + "/feed");
        com.sun.net.httpserver.Headers firstHeaders = lastHeaders.get();
        FeedReader.Result unchanged = feeds.read(base[0] + "/feed");
        com.sun.net.httpserver.Headers secondHeaders = lastHeaders.get();
        version.set(2);
        FeedReader.Result changed = feeds.read(base[0] + "/feed");

        assertThat(firstHeaders.getFirst("If-None-Match")).as("nothing to send on the first fetch").isNull();
        assertThat(first.notModified()).isFalse();
        assertThat(first.articles()).hasSize(2).allMatch(ReadResult::isAccepted);
        assertThat(secondHeaders.getFirst("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(secondHeaders.getFirst("If-Modified-Since")).isEqualTo("Mon, 03 Mar 2025 09:30:01 GMT");
        assertThat(unchanged.notModified()).isTrue();
        assertThat(unchanged.articles()).isEmpty();
        assertThat(changed.notModified()).as("a new ETag: read and parsed").isFalse();
        assertThat(changed.entries()).isEqualTo(4);
        assertThat(changed.skipped()).as("the two read before").isEqualTo(2);
        assertThat(changed.articles()).hasSize(2);
        assertThat(conditional.get()).isEqualTo(2);
        assertThat(notModified.get()).isEqualTo(1);
        assertThat(metrics.counter("newsstream_feed_fetches_total{outcome=\"ok\"}")).isEqualTo(2);
        assertThat(metrics.counter("newsstream_feed_fetches_total{outcome=\"not_modified\"}")).isEqualTo(1);
    }

    @Test
    void shouldRetryAFeedThatFailsTwiceWithBackoffThenReadIt() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        String[] base = new String[1];
        base[0] = serve(Map.of("/flaky", ex -> {
            if (calls.incrementAndGet() <= 2) {
                send(ex, 503, "text/plain", "busy");
            } else {
                send(ex, 200, "application/rss+xml", rss(base[0], 0, 1));
            }
        }));

        FeedReader.Result r = feeds(new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30)), Duration.ZERO)
                .read(base[0] + "/flaky");

        assertThat(calls.get()).isEqualTo(3);
        assertThat(r.articles()).hasSize(1).allMatch(ReadResult::isAccepted);
        assertThat(r.retries()).hasSize(2).allSatisfy(x -> assertThat(x).startsWith(base[0] + "/flaky: HTTP 503 (server error)"));
        assertThat(r.retries().get(0)).contains("attempt 1 of 3");
        assertThat(sleeps).as("exponential backoff, jitter at its least").containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
        assertThat(metrics.counter("newsstream_fetch_retries_total")).isEqualTo(2);
    }

    @Test
    void shouldGiveUpOnAFeedThatAlwaysAnswers503AfterTheBoundedAttempts() throws Exception {
        String base = serve(Map.of("/down", ex -> send(ex, 503, "text/plain", "down")));
        FeedReader feeds = feeds(RetryPolicy.DEFAULT, Duration.ZERO);

        assertThatThrownBy(() -> feeds.read(base + "/down")).isInstanceOf(FeedException.class)
                .hasMessage("HTTP 503 (server error) (3 attempts)")
                .satisfies(e -> assertThat(((FeedException) e).retries()).hasSize(2));
        assertThat(hits("/down")).isEqualTo(3);
        assertThat(sleeps).hasSize(2).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(RetryPolicy.DEFAULT.cap()));
        assertThat(metrics.counter("newsstream_feed_fetches_total{outcome=\"error\"}")).isEqualTo(1);
    }

    @Test
    void shouldWaitWhatA429AsksThenRead() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        String[] base = new String[1];
        base[0] = serve(Map.of("/limited", ex -> {
            if (calls.incrementAndGet() == 1) {
                ex.getResponseHeaders().add("Retry-After", "7");
                send(ex, 429, "text/plain", "slow down");
            } else {
                send(ex, 200, "application/rss+xml", rss(base[0], 0, 1));
            }
        }));

        FeedReader.Result r = feeds(RetryPolicy.DEFAULT, Duration.ZERO).read(base[0] + "/limited");

        assertThat(r.articles()).hasSize(1);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
        assertThat(r.retries()).singleElement().asString().contains("HTTP 429 (too many requests)");
    }

    @Test
    void shouldNotRetryA404OrA410() throws Exception {
        String base = serve(Map.of("/gone", ex -> send(ex, 410, "text/plain", "gone"),
                "/missing", ex -> send(ex, 404, "text/plain", "no")));
        FeedReader feeds = feeds(RetryPolicy.DEFAULT, Duration.ZERO);

        assertThatThrownBy(() -> feeds.read(base + "/gone")).hasMessage("HTTP 410 (gone)");
        assertThatThrownBy(() -> feeds.read(base + "/missing")).hasMessage("HTTP 404 (not found)");
        assertThat(hits("/gone")).isEqualTo(1);
        assertThat(hits("/missing")).isEqualTo(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void shouldHonourTheRobotsGroupOfNewsstreamAndItsCrawlDelay() throws Exception {
        String[] base = new String[1];
        base[0] = serve(Map.of(
                "/robots.txt", ex -> send(ex, 200, "text/plain", "User-agent: *\nDisallow: /\n\n"
                        + "User-agent: otherbot\nAllow: /\n\n"
                        + "User-agent: newsstream\nDisallow: /private/\nCrawl-delay: 3\n"),
                "/feed", ex -> send(ex, 200, "application/rss+xml", "<rss version=\"2.0\"><channel>"
                        + "<item><title>Plan 1</title><link>" + base[0] + "/private/1</link><description>Plan 1.</description></item>"
                        + "<item><title>Plan 2</title><link>" + base[0] + "/news/2</link></item></channel></rss>"),
                "/news/", ex -> send(ex, 200, "text/html; charset=utf-8", page(2)),
                "/private/", ex -> send(ex, 200, "text/html; charset=utf-8", page(1))));
        FeedReader feeds = feeds(RetryPolicy.DEFAULT, Duration.ofMillis(100));

        FeedReader.Result r = feeds.read(base[0] + "/feed");
        feeds.read(base[0] + "/feed");

        assertThat(r.articles()).hasSize(2);
        ReadResult disallowed = r.articles().get(0);
        assertThat(disallowed.isAccepted()).isFalse();
        assertThat(disallowed.origin()).isEqualTo(base[0] + "/private/1");
        assertThat(disallowed.error()).isEqualTo("skipped: " + base[0] + "/robots.txt disallows it for newsstream");
        assertThat(hits("/private/1")).as("a disallowed page is never requested").isZero();
        assertThat(r.articles().get(1).isAccepted()).isTrue();
        assertThat(hits("/robots.txt")).as("kept per host").isEqualTo(1);
        assertThat(lastHeaders.get().getFirst("User-Agent")).startsWith("newsstream/").contains("+ops@example.org");
        assertThat(sleeps).as("Crawl-delay: 3 over the 100 ms host delay, between feed and page and feed again")
                .isNotEmpty().allSatisfy(d -> assertThat(d).isEqualTo(Duration.ofSeconds(3)));
    }

    @Test
    void shouldReadRobotsTxtAgainOnceItExpires() throws Exception {
        AtomicReference<String> robots = new AtomicReference<>("User-agent: *\nAllow: /\n");
        String[] base = new String[1];
        base[0] = serve(Map.of("/robots.txt", ex -> send(ex, 200, "text/plain", robots.get()),
                "/feed", ex -> send(ex, 200, "application/rss+xml", rss(base[0], 0, 1))));
        FeedReader feeds = feeds(RetryPolicy.DEFAULT, Duration.ZERO);

        feeds.read(base[0] + "/feed");
        robots.set("User-agent: *\nDisallow: /feed\n");
        now[0] += PoliteFetcher.ROBOTS_TTL.toNanos() - 1_000_000_000L;
        feeds.read(base[0] + "/feed");
        now[0] += 2_000_000_000L;

        assertThatThrownBy(() -> feeds.read(base[0] + "/feed")).isInstanceOf(FeedException.class)
                .hasMessage("skipped: " + base[0] + "/robots.txt disallows it for newsstream");
        assertThat(hits("/robots.txt")).isEqualTo(2);
        assertThat(hits("/feed")).isEqualTo(2);
        assertThat(metrics.counter("newsstream_feed_fetches_total{outcome=\"disallowed\"}")).isEqualTo(1);
    }

    @Test
    void shouldFetchNothingFromAHostWhoseRobotsTxtCannotBeRead() throws Exception {
        String base = serve(Map.of("/robots.txt", ex -> send(ex, 500, "text/plain", "oops"),
                "/feed", ex -> send(ex, 200, "application/rss+xml", "<rss/>")));
        FeedReader feeds = feeds(new RetryPolicy(2, Duration.ofMillis(10), Duration.ofSeconds(1)), Duration.ZERO);

        assertThatThrownBy(() -> feeds.read(base + "/feed")).isInstanceOf(FeedException.class)
                .hasMessageStartingWith(base + "/robots.txt could not be read (HTTP 500 (2 attempts))")
                .hasMessageContaining("nothing is fetched from " + base);
        assertThat(hits("/robots.txt")).isEqualTo(2);
        assertThat(hits("/feed")).isZero();
    }

    @Test
    void shouldSkipAHostAskingForACrawlDelayBeyondWhatIsWaited() throws Exception {
        String base = serve(Map.of("/robots.txt", ex -> send(ex, 200, "text/plain", "User-agent: *\nCrawl-delay: 3600\n"),
                "/feed", ex -> send(ex, 200, "application/rss+xml", "<rss/>")));

        assertThatThrownBy(() -> feeds(RetryPolicy.DEFAULT, Duration.ZERO).read(base + "/feed"))
                .hasMessageContaining("Crawl-delay of 3600 s, more than the 60 s");
        assertThat(hits("/feed")).isZero();
    }
}
