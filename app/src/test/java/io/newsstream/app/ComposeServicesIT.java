package io.newsstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstream.testkit.KafkaBrokerExtension;
import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The newsstream services of docker-compose.yml as processes: each service's command, environment and
 * volumes are taken from the file itself (parsed, anchors and merge keys resolved), the volumes mapped to
 * temporary folders, the broker address to the test broker, and each is started from the shaded jar. A
 * service command the CLI refuses fails this test, not a user.
 */
class ComposeServicesIT {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.create();

    private static final Path JAR = Path.of("target", "newsstream.jar").toAbsolutePath();
    private static final Path COMPOSE = Path.of("..", "docker-compose.yml");
    private static final Duration DEADLINE = Duration.ofMinutes(4);
    private static final Pattern DEFAULTED = Pattern.compile("\\$\\{([A-Z0-9_]+):-([^}]*)}");

    private final List<Process> running = new ArrayList<>();

    /** One service as the compose file describes it, mapped onto this machine. */
    private record Service(String name, List<String> command, Map<String, String> environment) {
    }

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Process p : running) {
            p.destroy();
        }
        for (Process p : running) {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Service> services(Path dir, int httpPort) throws IOException {
        Map<String, Object> compose;
        try (Reader r = Files.newBufferedReader(COMPOSE)) {
            compose = new Yaml().load(r);
        }
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        Map<String, Service> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : services.entrySet()) {
            Map<String, Object> s = (Map<String, Object>) e.getValue();
            if (!"newsstream:latest".equals(s.get("image"))) {
                continue; // the broker: the test brings its own
            }
            Map<String, String> paths = new HashMap<>();
            for (Object v : (List<Object>) s.getOrDefault("volumes", List.of())) {
                String[] parts = v.toString().split(":");
                Path host = dir.resolve(e.getKey() + parts[1].replace('/', '_'));
                Path source = COMPOSE.getParent().resolve(parts[0].substring(2));
                if (parts[0].startsWith("./") && !Files.isDirectory(source)) {
                    // a file mount (the feeds service's ./feeds.txt, which a checkout has as feeds.txt.example)
                    Path file = Files.exists(source) ? source : source.resolveSibling(source.getFileName() + ".example");
                    Files.copy(file, host);
                } else if (parts[0].startsWith("./")) {
                    copy(source, host);
                } else {
                    Files.createDirectories(host);
                }
                paths.put(parts[1], host.toString());
            }
            List<String> command = new ArrayList<>();
            for (Object c : (List<Object>) s.get("command")) {
                command.add(map(c.toString(), paths, httpPort));
            }
            Map<String, String> env = new LinkedHashMap<>();
            ((Map<String, Object>) s.getOrDefault("environment", Map.of())).forEach((k, v) -> env.put(k, map(v.toString(), paths, httpPort)));
            out.put(e.getKey(), new Service(e.getKey(), command, env));
        }
        return out;
    }

    private static String map(String value, Map<String, String> paths, int httpPort) {
        Matcher m = DEFAULTED.matcher(value);
        String v = m.replaceAll(r -> Matcher.quoteReplacement(System.getenv().getOrDefault(r.group(1), r.group(2))));
        v = v.replace("kafka:9092", KAFKA.bootstrapServers());
        if (v.equals("8080")) {
            v = Integer.toString(httpPort);
        }
        for (Map.Entry<String, String> p : paths.entrySet()) {
            if (v.equals(p.getKey()) || v.startsWith(p.getKey() + "/")) {
                v = p.getValue() + v.substring(p.getKey().length());
            }
        }
        return v;
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName().toString()));
            }
        }
    }

    private Process start(Service s, Path log) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("java", "-jar", JAR.toString()));
        cmd.addAll(s.command());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().keySet().removeIf(k -> k.startsWith("NEWSSTREAM_"));
        pb.environment().putAll(s.environment());
        Process p = pb.start();
        running.add(p);
        return p;
    }

    private static long awaitLog(Path log, String text, long fromChars, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String out = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            int at = out.indexOf(text, (int) Math.min(fromChars, out.length()));
            if (at >= 0) {
                return System.nanoTime();
            }
            TimeUnit.MILLISECONDS.sleep(100); // polling a log file, not waiting for Kafka
        }
        throw new AssertionError("no '" + text + "' in " + log + " within " + timeout + ":\n" + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void shouldRunEveryServiceOfTheComposeFileAsWritten(@TempDir Path dir) throws Exception {
        int port = freePort();
        Map<String, Service> services = services(dir, port);
        assertThat(services).containsKeys("topics", "ingest", "enrich", "sink", "feeds");

        Process topics = start(services.get("topics"), dir.resolve("topics.log"));
        assertThat(topics.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(topics.exitValue()).as(Files.readString(dir.resolve("topics.log"))).isZero();

        Path enrichLog = dir.resolve("enrich.log");
        Process enrich = start(services.get("enrich"), enrichLog);
        start(services.get("sink"), dir.resolve("sink.log"));
        Process ingest = start(services.get("ingest"), dir.resolve("ingest.log"));

        assertThat(KAFKA.consume("news.articles.enriched", new StringDeserializer(), new StringDeserializer(), 5, DEADLINE))
                .as("the seeds from the watched folder, enriched").hasSize(5);

        awaitLog(dir.resolve("ingest.log"), "listening on", 0, Duration.ofMinutes(1));
        String token = services.get("ingest").environment().get("NEWSSTREAM_INGEST_HTTP_TOKEN");
        HttpResponse<String> posted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/articles"))
                .header("Content-Type", "text/plain").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("Ferry service resumes\n\nThe ferry between the two islands "
                        + "resumed on Sunday after the storm, the operator said, with extra crossings for stranded travellers."))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        assertThat(KAFKA.consume("news.articles.enriched", new StringDeserializer(), new StringDeserializer(), 6, DEADLINE))
                .as("the README's curl, enriched").hasSize(6);

        long before = Files.size(enrichLog);
        enrich.destroy(); // SIGTERM, as docker compose stop/restart sends it
        assertThat(enrich.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(enrich.exitValue()).as(Files.readString(enrichLog)).isZero();
        assertThat(Files.readString(enrichLog).substring((int) before)).contains("leaving the group");
        long restart = System.nanoTime();
        long afterStop = Files.size(enrichLog);
        start(services.get("enrich"), enrichLog);
        long running = awaitLog(enrichLog, "-> RUNNING", afterStop, Duration.ofMinutes(2));
        System.out.printf("ComposeServicesIT: enrich RUNNING again %.1f s after its restart (JVM start and model load included)%n",
                (running - restart) / 1e9);
        assertThat(ingest.isAlive()).as("ingest serves and watches until stopped").isTrue();

        // the optional feeds service (profile feeds), its ./feeds.txt naming a feed on a local server
        HttpServer feedServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String feed = "http://127.0.0.1:" + feedServer.getAddress().getPort() + "/rss";
        feedServer.createContext("/rss", ex -> {
            byte[] b = ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Local</title><item><title>Harbour reopens"
                    + "</title><link>" + feed + "/1</link><description><![CDATA[<p>The harbour reopened on Monday after the "
                    + "storm, the port authority said, and the first ferries left on time with extra crossings planned.</p>]]>"
                    + "</description></item></channel></rss>").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/rss+xml");
            ex.sendResponseHeaders(200, b.length);
            try (var os = ex.getResponseBody()) {
                os.write(b);
            }
        });
        feedServer.start();
        try {
            Service feeds = services.get("feeds");
            Path feedsFile = Path.of(feeds.command().get(feeds.command().indexOf("--feeds") + 1));
            Files.writeString(feedsFile, "# written by the test\n" + feed + "\n");
            Path feedsLog = dir.resolve("feeds.log");
            Process feedsProcess = start(feeds, feedsLog);
            awaitLog(feedsLog, "feed " + feed + ": 1 entries, 0 read before, 1 articles, 0 rejected", 0, Duration.ofMinutes(1));
            assertThat(feedsProcess.isAlive()).as("the feeds service polls until stopped").isTrue();
        } finally {
            feedServer.stop(0);
        }
    }
}
