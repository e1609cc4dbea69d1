package io.newsstream.common.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * All settings of a newsstream process, parsed once and validated. Layers, later ones winning:
 * built-in defaults, a properties file, the environment ({@code NEWSSTREAM_ENRICH_THREADS} for
 * {@code enrich.threads}; {@code KAFKA_SECURITY_PROTOCOL} for the Kafka client setting
 * {@code security.protocol}), then command-line flags. A value that cannot be used fails at start with
 * the setting's name.
 *
 * @param bootstrapServers Kafka bootstrap servers ({@code bootstrap.servers})
 * @param kafka            Kafka client settings passed through unchanged (SASL, SSL, timeouts...)
 * @param topics           topic names, partitions, replication
 * @param ingest           ingest settings
 * @param enrich           enrich settings
 * @param sink             sink settings
 * @param settings         the merged flat settings, for display
 */
public record NewsstreamConfig(
        String bootstrapServers,
        Map<String, String> kafka,
        TopicConfig topics,
        IngestConfig ingest,
        EnrichConfig enrich,
        SinkConfig sink,
        Settings settings) {

    public static final String ENV_PREFIX = "NEWSSTREAM_";
    public static final String KAFKA_ENV_PREFIX = "KAFKA_";
    /** Settings with this prefix in a file or on the command line pass through to the Kafka clients. */
    public static final String KAFKA_PREFIX = "kafka.";
    public static final String DEFAULT_BOOTSTRAP = "localhost:9092";
    /** Variables of Kafka's own launch scripts, not client settings. */
    private static final java.util.Set<String> JVM_ENV = java.util.Set.of(
            "KAFKA_HEAP_OPTS", "KAFKA_OPTS", "KAFKA_JVM_PERFORMANCE_OPTS", "KAFKA_LOG4J_OPTS", "KAFKA_JMX_OPTS", "KAFKA_DEBUG",
            "KAFKA_LOG_LEVEL");

    public NewsstreamConfig {
        kafka = Map.copyOf(kafka);
    }

    /** Defaults only: what a process gets with no file, environment or flags. */
    public static NewsstreamConfig defaults() {
        return from(new Settings(Map.of()));
    }

    /**
     * Merges the layers and parses them.
     *
     * @param file      a properties file, or null
     * @param env       the environment (usually {@code System.getenv()})
     * @param overrides settings from the command line, as dotted keys
     */
    public static NewsstreamConfig load(Path file, Map<String, String> env, Map<String, String> overrides) {
        Map<String, String> merged = new HashMap<>();
        if (file != null) {
            merged.putAll(readFile(file));
        } else if (env.containsKey(ENV_PREFIX + "CONFIG")) {
            merged.putAll(readFile(Path.of(env.get(ENV_PREFIX + "CONFIG"))));
        }
        merged.putAll(fromEnvironment(env));
        merged.putAll(overrides);
        return from(new Settings(merged));
    }

    /** Parses already merged settings. */
    public static NewsstreamConfig from(Settings s) {
        Map<String, String> kafka = new TreeMap<>();
        s.asMap().forEach((k, v) -> {
            if (k.startsWith(KAFKA_PREFIX)) {
                kafka.put(k.substring(KAFKA_PREFIX.length()), v);
            }
        });
        String bootstrap = s.get("bootstrap.servers").orElse(kafka.getOrDefault("bootstrap.servers", DEFAULT_BOOTSTRAP));
        kafka.remove("bootstrap.servers");
        if (!bootstrap.matches("[^\\s,]+:\\d+(,[^\\s,]+:\\d+)*")) {
            throw new ConfigException("setting 'bootstrap.servers' must be host:port[,host:port...], got '" + bootstrap + "'");
        }
        EnrichConfig enrich = EnrichConfig.from(s);
        SinkConfig sink = SinkConfig.from(s);
        if (s.get("sink.story.retention").isEmpty() && sink.storyRetention().compareTo(enrich.storyQuietPeriod()) < 0) {
            // not set: a quiet period longer than the default retention lengthens it
            sink = new SinkConfig(sink.applicationId(), sink.threads(), sink.window(), sink.grace(), sink.stateDir(),
                    sink.windowOnPublished(), enrich.storyQuietPeriod());
        }
        if (sink.storyRetention().compareTo(enrich.storyQuietPeriod()) < 0) {
            throw new ConfigException("setting 'sink.story.retention' (" + s.get("sink.story.retention").orElse("7d")
                    + ") must be at least 'enrich.story.quiet.period' (" + s.get("enrich.story.quiet.period").orElse("3d")
                    + "): the sink would forget stories that can still take articles");
        }
        return new NewsstreamConfig(bootstrap, kafka, TopicConfig.from(s), IngestConfig.from(s), enrich, sink, s);
    }

    /** {@code NEWSSTREAM_ENRICH_THREADS=2} → {@code enrich.threads=2}; {@code KAFKA_SASL_MECHANISM} → {@code kafka.sasl.mechanism}. */
    static Map<String, String> fromEnvironment(Map<String, String> env) {
        Map<String, String> out = new HashMap<>();
        env.forEach((k, v) -> {
            if (k.startsWith(ENV_PREFIX) && !k.equals(ENV_PREFIX + "CONFIG")) {
                out.put(dotted(k.substring(ENV_PREFIX.length())), v);
            } else if (k.startsWith(KAFKA_ENV_PREFIX) && !JVM_ENV.contains(k)) {
                out.put(KAFKA_PREFIX + dotted(k.substring(KAFKA_ENV_PREFIX.length())), v);
            }
        });
        return out;
    }

    private static String dotted(String envName) {
        return envName.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    private static Map<String, String> readFile(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new ConfigException("cannot read config file '" + file + "': " + e.getMessage());
        }
        Map<String, String> out = new HashMap<>();
        p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
        return out;
    }

    /** Properties for any Kafka client: bootstrap servers plus the pass-through settings. */
    public Properties clientProperties() {
        Properties p = new Properties();
        p.putAll(kafka);
        p.put("bootstrap.servers", bootstrapServers);
        return p;
    }

    /** A copy pointing at other bootstrap servers (the demo's embedded broker, tests). */
    public NewsstreamConfig withBootstrapServers(String servers) {
        Map<String, String> m = new HashMap<>(settings.asMap());
        m.put("bootstrap.servers", servers);
        return from(new Settings(m));
    }

    /** A copy with some settings replaced. */
    public NewsstreamConfig with(Map<String, String> overrides) {
        Map<String, String> m = new HashMap<>(settings.asMap());
        m.putAll(overrides);
        return from(new Settings(m));
    }
}
