package io.newsstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstream.common.config.NewsstreamConfig;
import io.newsstream.common.config.Settings;
import io.newsstream.common.topics.Topics;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Keeps docker-compose.yml and the Dockerfile in step with the code: service names, the broker's
 * listeners and settings, the variables the stages read, the heap, ports and mounts.
 */
class DockerComposeTest {

    private static final List<String> STAGES = List.of("topics", "ingest", "enrich", "sink");
    /** Compose's {@code ${VAR:-default}}: the test reads the default a fresh checkout gets. */
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?}");

    /**
     * Each setting a compose file may set through {@code NEWSSTREAM_*}, and where the parsed
     * configuration shows it. A variable not listed here is one the code does not read.
     */
    private static final Map<String, Function<NewsstreamConfig, Object>> SETTINGS = settings();

    private static Path root;
    private static Map<String, Object> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() throws IOException {
        root = repositoryRoot();
        try (Reader r = Files.newBufferedReader(root.resolve("docker-compose.yml"), StandardCharsets.UTF_8)) {
            Map<String, Object> compose = new Yaml().load(r);
            services = (Map<String, Object>) compose.get("services");
        }
        assertThat(services).as("services in docker-compose.yml").isNotNull();
    }

    @Test
    void shouldDefineKafkaAndEveryStage() {
        assertThat(services).containsOnlyKeys("kafka", "topics", "ingest", "enrich", "sink", "feeds");
    }

    @Test
    void shouldRunAnOfficialKafka4Image() {
        assertThat(string(service("kafka").get("image"))).matches("apache/kafka:4\\.\\d+\\.\\d+");
    }

    @Test
    void shouldRunKafkaAsOneKraftNodeWithoutAutoCreatedTopics() {
        Map<String, String> env = env("kafka");

        assertThat(env).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
                .containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1")
                .containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
                .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1");
        assertThat(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS")).isEqualTo(env.get("KAFKA_NODE_ID") + "@kafka:9093");
        assertThat(service("kafka")).containsKey("healthcheck");
    }

    @Test
    void shouldPointEveryStageAtTheBrokersInternalListener() {
        String internal = internalAdvertisedAddress();

        for (String stage : STAGES) {
            assertThat(env(stage)).as("bootstrap servers of %s", stage).containsEntry("NEWSSTREAM_BOOTSTRAP_SERVERS", internal);
        }
        List<String> topicsCommand = command("topics");
        assertThat(topicsCommand).startsWith("topics", "create");
        assertThat(flag(topicsCommand, "--bootstrap-server")).isEqualTo(internal);
    }

    @Test
    void shouldPublishTheBrokerToTheHostOnItsHostListenerOnly() {
        Map<String, String> env = env("kafka");
        String hostListener = listener(env.get("KAFKA_ADVERTISED_LISTENERS"), "HOST");
        String port = hostListener.substring(hostListener.lastIndexOf(':') + 1);

        assertThat(hostListener).isEqualTo("localhost:" + port);
        assertThat(strings(service("kafka").get("ports"))).containsExactly("127.0.0.1:" + port + ":" + port);
    }

    @Test
    void shouldSetOnlyVariablesTheConfigurationReads() {
        for (String stage : STAGES) {
            Map<String, String> env = env(stage);
            NewsstreamConfig config = NewsstreamConfig.load(null, env, Map.of());
            env.forEach((name, value) -> {
                if (name.startsWith(NewsstreamConfig.ENV_PREFIX)) {
                    String key = name.substring(NewsstreamConfig.ENV_PREFIX.length()).toLowerCase(java.util.Locale.ROOT).replace('_', '.');
                    assertThat(SETTINGS).as("%s sets %s, which is not a newsstream setting", stage, name).containsKey(key);
                    assertThat(SETTINGS.get(key).apply(config))
                            .as("%s of %s after loading the configuration", name, stage).isEqualTo(expected(key, value, SETTINGS.get(key).apply(config)));
                } else {
                    // KAFKA_* variables would be passed to the clients as settings; the broker's belong on kafka only.
                    assertThat(name).as("variable of %s", stage).doesNotStartWith(NewsstreamConfig.KAFKA_ENV_PREFIX);
                }
            });
        }
    }

    @Test
    void shouldGiveEnrichAOneGibHeapThatMarksLate() {
        String options = env("enrich").get("JAVA_TOOL_OPTIONS");
        assertThat(options).as("JAVA_TOOL_OPTIONS of enrich").containsPattern("-Xmx(1g|1G|1024m|1024M)\\b");
        // The models' live set is above G1's adaptive marking threshold in 1 GiB: marking would run back to back.
        assertThat(options).as("JAVA_TOOL_OPTIONS of enrich")
                .contains("-XX:-G1UseAdaptiveIHOP").contains("-XX:InitiatingHeapOccupancyPercent=85");
    }

    @Test
    void shouldPublishIngestHttpOnLoopbackAndMountTheSeeds() {
        List<String> cmd = command("ingest");
        String port = flag(cmd, "--http");

        assertThat(cmd.get(0)).isEqualTo("ingest");
        assertThat(flag(cmd, "--bind")).isEqualTo("0.0.0.0");
        assertThat(strings(service("ingest").get("ports"))).contains("127.0.0.1:" + port + ":" + port);
        assertThat(strings(service("ingest").get("volumes"))).contains("./seeds:" + flag(cmd, "--watch") + ":ro");
        assertThat(root.resolve("seeds")).isDirectory();
        // A non-loopback bind needs a token; a fresh checkout gets a development one.
        NewsstreamConfig config = NewsstreamConfig.load(null, env("ingest"), Map.of());
        assertThat(config.ingest().httpToken()).isPresent();
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldRunTheOptionalFeedsServiceOnlyInItsProfileFromFeedsTxt() throws IOException {
        Map<String, Object> feeds = service("feeds");
        List<String> cmd = command("feeds");

        assertThat(strings(feeds.get("profiles"))).containsExactly("feeds");
        assertThat(cmd).startsWith("ingest").contains("--poll");
        assertThat(strings(feeds.get("volumes"))).containsExactly("./feeds.txt:" + flag(cmd, "--feeds") + ":ro");
        assertThat(string(feeds.get("image"))).isEqualTo(string(service("ingest").get("image")));
        assertThat(env("feeds")).containsEntry("NEWSSTREAM_BOOTSTRAP_SERVERS", internalAdvertisedAddress());
        List<String> example = Files.readAllLines(root.resolve("feeds.txt.example"), StandardCharsets.UTF_8);
        assertThat(example).as("feeds.txt.example names at least one feed").anyMatch(l -> l.matches("https?://\\S+.*"));
    }

    @Test
    void shouldBuildEveryStageFromTheDockerfileAsOneImage() {
        String image = string(service("topics").get("image"));
        for (String stage : STAGES) {
            Map<String, Object> s = service(stage);
            assertThat(string(s.get("build"))).as("build of %s", stage).isEqualTo(".");
            assertThat(string(s.get("image"))).as("image of %s", stage).isEqualTo(image);
        }
    }

    @Test
    void shouldStartInOrderKafkaThenTopicsThenTheStages() {
        assertThat(dependsOn("topics")).containsEntry("kafka", "service_healthy");
        for (String stage : List.of("ingest", "enrich", "sink")) {
            assertThat(dependsOn(stage)).as("depends_on of %s", stage).containsEntry("topics", "service_completed_successfully");
            assertThat(string(service(stage).get("restart"))).as("restart of %s", stage).isEqualTo("unless-stopped");
        }
    }

    @Test
    void shouldShipOnlyTheShadedJarOnAJreAsANonRootUser() throws IOException {
        List<String> lines = Files.readAllLines(root.resolve("Dockerfile"), StandardCharsets.UTF_8);
        int lastFrom = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().toUpperCase(java.util.Locale.ROOT).startsWith("FROM ")) {
                lastFrom = i;
            }
        }
        assertThat(lastFrom).as("a FROM line in the Dockerfile").isGreaterThan(0);
        List<String> finalStage = lines.subList(lastFrom, lines.size()).stream().map(String::trim).toList();

        assertThat(finalStage.get(0)).matches("FROM eclipse-temurin:17-jre\\S*");
        assertThat(finalStage).anyMatch(l -> l.matches("COPY --from=\\S+ \\S*/app/target/newsstream\\.jar /app/newsstream\\.jar"));
        assertThat(finalStage).filteredOn(l -> l.startsWith("COPY")).hasSize(1);
        assertThat(finalStage).anyMatch(l -> l.matches("USER (?!root\\b|0\\b)\\S+"));
        assertThat(finalStage).contains("ENTRYPOINT [\"java\", \"-XX:MaxRAMPercentage=75\", \"-jar\", \"/app/newsstream.jar\"]");
        assertThat(Files.readString(root.resolve("app/pom.xml"))).contains("<finalName>newsstream</finalName>");
    }

    /** What a typed setting should hold after parsing {@code value}. */
    private static Object expected(String key, String value, Object parsed) {
        if (parsed instanceof Duration) {
            return new Settings(Map.of(key, value)).duration(key, Duration.ZERO);
        }
        if (parsed instanceof Path) {
            return Path.of(value);
        }
        if (parsed instanceof Boolean) {
            return new Settings(Map.of(key, value)).bool(key, false);
        }
        if (parsed instanceof Number) {
            return parsed instanceof Short ? Short.valueOf(value.trim()) : Integer.valueOf(value.trim());
        }
        return value;
    }

    private static Map<String, Function<NewsstreamConfig, Object>> settings() {
        Map<String, Function<NewsstreamConfig, Object>> m = new LinkedHashMap<>();
        m.put("bootstrap.servers", NewsstreamConfig::bootstrapServers);
        m.put("ingest.max.chars", c -> c.ingest().maxChars());
        m.put("ingest.http.bind", c -> c.ingest().httpBind());
        m.put("ingest.http.port", c -> c.ingest().httpPort());
        m.put("ingest.http.token", c -> c.ingest().httpToken().orElse(null));
        m.put("ingest.http.max.bytes", c -> c.ingest().httpMaxBytes());
        m.put("ingest.http.rate", c -> c.ingest().httpRatePerSec());
        m.put("ingest.dedupe.lookback", c -> c.ingest().dedupeLookback());
        m.put("enrich.application.id", c -> c.enrich().applicationId());
        m.put("enrich.threads", c -> c.enrich().threads());
        m.put("enrich.keep.text", c -> c.enrich().keepText());
        m.put("enrich.max.chars", c -> c.enrich().maxChars());
        m.put("enrich.state.dir", c -> c.enrich().stateDir());
        m.put("enrich.story.quiet.period", c -> c.enrich().storyQuietPeriod());
        m.put("sink.application.id", c -> c.sink().applicationId());
        m.put("sink.threads", c -> c.sink().threads());
        m.put("sink.window", c -> c.sink().window());
        m.put("sink.window.grace", c -> c.sink().grace());
        m.put("sink.state.dir", c -> c.sink().stateDir());
        m.put("sink.story.retention", c -> c.sink().storyRetention());
        m.put("metrics.bind", c -> c.settings().string("metrics.bind", "127.0.0.1"));
        for (String stage : List.of("ingest", "enrich", "sink")) {
            m.put(stage + ".metrics.port", c -> c.settings().port(stage + ".metrics.port", 0));
        }
        // The default for every topic without its own topic.<key>.partitions.
        m.put("topic.partitions", c -> c.topics().partitions(Topics.RAW));
        m.put("topic.replication", c -> c.topics().replicationFactor());
        return Map.copyOf(m);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) {
        Object s = services.get(name);
        assertThat(s).as("service %s", name).isInstanceOf(Map.class);
        return (Map<String, Object>) s;
    }

    /** A service's environment with compose's {@code ${VAR:-default}} resolved to the default. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> env(String name) {
        Object e = service(name).get("environment");
        Map<String, String> out = new LinkedHashMap<>();
        if (e instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).forEach((k, v) -> out.put(k, interpolate(v == null ? "" : String.valueOf(v))));
        } else if (e instanceof List<?> list) {
            for (Object item : list) {
                String s = String.valueOf(item);
                int eq = s.indexOf('=');
                out.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? "" : interpolate(s.substring(eq + 1)));
            }
        }
        return out;
    }

    private static String interpolate(String value) {
        Matcher m = INTERPOLATION.matcher(value);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(2) == null ? "" : m.group(2)));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static List<String> command(String name) {
        Object c = service(name).get("command");
        assertThat(c).as("command of %s (an exec-form list)", name).isInstanceOf(List.class);
        return strings(c);
    }

    private static String flag(List<String> cmd, String flag) {
        int i = cmd.indexOf(flag);
        assertThat(i).as("%s in %s", flag, cmd).isGreaterThanOrEqualTo(0).isLessThan(cmd.size() - 1);
        return cmd.get(i + 1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> dependsOn(String name) {
        Object d = service(name).get("depends_on");
        assertThat(d).as("depends_on of %s with conditions", name).isInstanceOf(Map.class);
        Map<String, String> out = new LinkedHashMap<>();
        ((Map<String, Object>) d).forEach((k, v) -> out.put(k, string(((Map<String, Object>) v).get("condition"))));
        return out;
    }

    /** host:port the broker advertises to containers: the inter-broker listener, reachable as {@code kafka}. */
    private static String internalAdvertisedAddress() {
        Map<String, String> env = env("kafka");
        String name = env.getOrDefault("KAFKA_INTER_BROKER_LISTENER_NAME", "PLAINTEXT");
        String advertised = listener(env.get("KAFKA_ADVERTISED_LISTENERS"), name);
        String bound = listener(env.get("KAFKA_LISTENERS"), name);
        String port = advertised.substring(advertised.lastIndexOf(':') + 1);

        assertThat(advertised).as("the %s listener is advertised as the kafka service", name).isEqualTo("kafka:" + port);
        assertThat(bound).as("the %s listener binds the advertised port", name).endsWith(":" + port);
        return advertised;
    }

    private static String listener(String listeners, String name) {
        assertThat(listeners).as("listeners").isNotNull();
        for (String l : listeners.split(",")) {
            String prefix = name + "://";
            if (l.trim().startsWith(prefix)) {
                return l.trim().substring(prefix.length());
            }
        }
        throw new AssertionError("no " + name + " listener in " + listeners);
    }

    private static String string(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    private static List<String> strings(Object o) {
        List<String> out = new ArrayList<>();
        if (o instanceof List<?> list) {
            list.forEach(x -> out.add(String.valueOf(x)));
        }
        return out;
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isDirectory(dir.resolve("seeds")) && Files.isRegularFile(dir.resolve("docker-compose.yml")))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("a directory above %s holding seeds/ and docker-compose.yml", Path.of("").toAbsolutePath()).isNotNull();
        return dir;
    }
}
