package io.newsstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newsstream.testkit.KafkaBrokerExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code newsstream ingest --feed} as a user runs it, against a local HTTP server and a real broker: a feed of
 * 100 entries becomes 100 raw articles, and a second run (a restart) publishes none of them again; a second
 * feed carrying the same entries adds nothing; a broken feed is named with its reason and the run goes on.
 * With {@code --poll}, a feed that gains entries between polls publishes only the new ones, an unchanged
 * one is "not modified" (a 304 to its ETag), and a stop request ends the run cleanly.
 */
class IngestFeedIT {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.create();

    private static final String TOPIC = "feed.raw";
    private static HttpServer server;
    private static String base;
    private static final AtomicInteger PAGES = new AtomicInteger();
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    /** Entries of the /growing feed; its ETag follows the count. */
    private static final AtomicInteger GROWING = new AtomicInteger(3);
    private static final AtomicInteger NOT_MODIFIED = new AtomicInteger();

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/rss", ex -> send(ex, "application/rss+xml", rss("?utm_medium=rss")));
        server.createContext("/mirror", ex -> send(ex, "application/rss+xml", rss("?utm_source=mirror")));
        server.createContext("/growing", ex -> {
            String etag = "\"n" + GROWING.get() + "\"";
            ex.getResponseHeaders().add("ETag", etag);
            if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                NOT_MODIFIED.incrementAndGet();
                ex.sendResponseHeaders(304, -1);
                ex.close();
                return;
            }
            StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Growing</title>");
            for (int i = 0; i < GROWING.get(); i++) {
                sb.append("<item><title>Item ").append(500 + i).append("</title><link>").append(base).append("/story/")
                        .append(500 + i).append("</link></item>");
            }
            send(ex, "application/rss+xml", sb.append("</channel></rss>").toString());
        });
        server.createContext("/broken", ex -> send(ex, "application/rss+xml", "<rss><channel><item></rss>"));
        server.createContext("/news/", ex -> {
            PAGES.incrementAndGet();
            page(ex);
        });
        // the pages of /growing, not counted
        server.createContext("/story/", IngestFeedIT::page);
        server.start();
    }

    private static void page(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        int i = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
        send(ex, "text/html; charset=utf-8", "<html><head><title>Item " + i + "</title><link rel=\"canonical\" href=\""
                + base + "/news/" + i + "\"></head><body><article><h1>Item " + i + "</h1><p>The county board voted on "
                + "item " + i + " of its agenda on Tuesday, approving the measure after a long debate among its members.</p>"
                + "<p>Item " + i + " sets aside money for roads and the library, the chair said, and takes effect next "
                + "month unless it is challenged.</p></article></body></html>");
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static String rss(String tracking) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>County</title>");
        for (int i = 0; i < 100; i++) {
            sb.append("<item><title>Item ").append(i).append("</title><link>").append(base).append("/news/").append(i)
                    .append(tracking).append("</link><pubDate>Tue, 04 Mar 2025 10:00:00 GMT</pubDate></item>");
        }
        return sb.append("</channel></rss>").toString();
    }

    private static void send(HttpExchange ex, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(200, b.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(b);
        }
    }

    private record Run(int exitCode, String err) {
    }

    private static Run ingest(String... feedArgs) {
        PrintStream stderr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            List<String> args = new java.util.ArrayList<>(List.of("ingest", "--quiet", "--host-delay", "0s",
                    "--bootstrap-server", KAFKA.bootstrapServers(), "--set", "topic.raw.name=" + TOPIC));
            args.addAll(List.of(feedArgs));
            int code = Main.run(args.toArray(String[]::new));
            return new Run(code, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(stderr);
        }
    }

    @Test
    void shouldPublishAHundredEntriesOnceAcrossRestartsAndFeeds(@TempDir Path dir) throws Exception {
        Run first = ingest("--feed", base + "/rss");
        Run again = ingest("--feed", base + "/rss");
        Path list = Files.writeString(dir.resolve("feeds.txt"), "# feeds\n" + base + "/mirror\n" + base + "/broken  # a bad one\n");
        Run mirrored = ingest("--feeds", list.toString());

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.err()).contains("feed " + base + "/rss: 100 entries, 0 read before, 100 articles, 0 rejected")
                .contains("published 100, skipped 0 duplicates, rejected 0");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.err()).as("a restart publishes none again").contains("published 0, skipped 100 duplicates");
        assertThat(mirrored.exitCode()).as("the broken feed is a rejected input").isEqualTo(1);
        assertThat(mirrored.err()).contains("published 0, skipped 100 duplicates, rejected 1")
                .contains(base + "/broken").contains("not well-formed XML");
        assertThat(KAFKA.consume(TOPIC, new StringDeserializer(), new StringDeserializer(), 100, Duration.ofSeconds(60)))
                .hasSize(100);
        assertThat(PAGES.get()).as("each run fetched each page once").isEqualTo(300);
    }

    @Test
    void shouldPublishOnlyTheNewEntriesOnEachPollUntilStopped() throws Exception {
        // Given a feed of 3 entries, and ingest polling it every 200 ms until it is asked to stop
        String feed = base + "/growing";
        IngestCommand ingest = new IngestCommand();
        StopSignal stop = StopSignal.manual();
        ingest.stopSignal = () -> stop;
        StringWriter err = new StringWriter();
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine cli = Main.commandLine(new CommandLine.IFactory() {
            @Override
            @SuppressWarnings("unchecked")
            public <K> K create(Class<K> cls) throws Exception {
                return cls == IngestCommand.class ? (K) ingest : defaults.create(cls);
            }
        });
        cli.setErr(new PrintWriter(err, true));
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> cli.execute("ingest", "--quiet", "--host-delay", "0s",
                "--bootstrap-server", KAFKA.bootstrapServers(), "--set", "topic.raw.name=poll.raw", "--feed", feed, "--poll", "200ms"));
        try {
            IngestCommandTest.awaitTrue(() -> err.toString().contains("feed " + feed + ": 3 entries, 0 read before, 3 articles, 0 rejected"),
                    "the first read", err, run, DEADLINE);
            IngestCommandTest.awaitTrue(() -> err.toString().contains("feed " + feed + ": not modified"), "an unchanged poll", err, run, DEADLINE);

            // When the feed gains two entries
            GROWING.set(5);

            // Then the next poll reads only those two
            IngestCommandTest.awaitTrue(() -> err.toString().contains("feed " + feed + ": 5 entries, 3 read before, 2 articles, 0 rejected"),
                    "the poll after the feed grew", err, run, DEADLINE);
            assertThat(run).as("still polling").isNotDone();
        } finally {
            stop.request("SIGTERM");
        }
        int code = run.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);

        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString()).contains("stopping (SIGTERM)").contains("published 5, skipped 0 duplicates, rejected 0");
        assertThat(NOT_MODIFIED.get()).isPositive();
        List<ConsumerRecord<String, String>> records = KAFKA.consume("poll.raw", new StringDeserializer(), new StringDeserializer(),
                6, Duration.ofSeconds(5));
        assertThat(records).as("each entry once").hasSize(5);
        assertThat(records.stream().map(ConsumerRecord::key).distinct()).hasSize(5);
    }
}
