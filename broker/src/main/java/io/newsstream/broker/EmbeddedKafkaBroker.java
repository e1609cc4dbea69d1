package io.newsstream.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process, single-node Apache Kafka broker in KRaft mode (one process acting as broker and
 * controller), built from Kafka's own server jars. It serves the {@code newsstream demo} and the
 * integration tests where no Docker engine answers. It supports transactions, so Kafka Streams
 * applications with {@code processing.guarantee=exactly_once_v2} run against it.
 *
 * <p>The broker listens on 127.0.0.1 only. Given a log directory it can be stopped and started again on
 * the same data ({@link #restart()} also keeps the ports); without one it uses a temporary directory that
 * {@link #close()} deletes.
 *
 * <pre>{@code
 * try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().build().start()) {
 *     String bootstrap = broker.bootstrapServers();
 *     ...
 * }
 * }</pre>
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private static final int NODE_ID = 1;
    private static final String HOST = "127.0.0.1";
    private static final String BROKER_LISTENER = "PLAINTEXT";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    /** Ephemeral ports are picked before the broker binds them, so another process may win the race. */
    private static final int BIND_ATTEMPTS = 3;

    private final Path logDir;
    private final boolean deleteLogDirOnClose;
    private final boolean ephemeralPorts;
    private final Map<String, String> extraConfigs;
    private final Duration startupTimeout;

    private int brokerPort;
    private int controllerPort;
    private KafkaRaftServer server;
    private Duration lastStartupTime;
    private boolean closed;

    private EmbeddedKafkaBroker(Builder b) {
        this.deleteLogDirOnClose = b.logDir == null;
        this.logDir = b.logDir != null ? b.logDir.toAbsolutePath() : createTempDir();
        this.ephemeralPorts = b.brokerPort == 0 && b.controllerPort == 0;
        this.brokerPort = b.brokerPort;
        this.controllerPort = b.controllerPort;
        this.extraConfigs = Map.copyOf(b.configs);
        this.startupTimeout = b.startupTimeout;
    }

    /** A builder with the defaults: temporary log directory, free ports, no extra configs, 60 s start-up deadline. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Formats the log directory if it is new, starts the broker and waits until it answers an admin
     * request. Returns {@code this} so construction and start can be chained.
     *
     * @throws IllegalStateException if the broker is running or closed, or did not become ready in time
     */
    public synchronized EmbeddedKafkaBroker start() {
        if (closed) {
            throw new IllegalStateException("the embedded Kafka broker is closed");
        }
        if (server != null) {
            throw new IllegalStateException("the embedded Kafka broker is already running on " + bootstrapServers());
        }
        long t0 = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            boolean pickPorts = brokerPort == 0 || controllerPort == 0;
            if (pickPorts) {
                brokerPort = brokerPort == 0 ? freePort() : brokerPort;
                controllerPort = controllerPort == 0 ? freePort() : controllerPort;
            }
            try {
                startOnce();
                break;
            } catch (RuntimeException e) {
                stopQuietly();
                if (pickPorts && ephemeralPorts && attempt < BIND_ATTEMPTS && causedByBindFailure(e)) {
                    LOG.debug("port race lost on {}/{}; retrying with other ports", brokerPort, controllerPort);
                    brokerPort = 0;
                    controllerPort = 0;
                    continue;
                }
                throw e;
            }
        }
        lastStartupTime = Duration.ofNanos(System.nanoTime() - t0);
        LOG.info("embedded Kafka broker ready on {} (log dir {}) in {} ms",
                bootstrapServers(), logDir, lastStartupTime.toMillis());
        return this;
    }

    private void startOnce() {
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Kafka log directory " + logDir, e);
        }
        formatIfNeeded();
        KafkaConfig config = KafkaConfig.fromProps(serverProperties(), false);
        KafkaRaftServer s = new KafkaRaftServer(config, Time.SYSTEM);
        server = s;
        s.startup();
        awaitReady();
    }

    /**
     * Stops the broker cleanly and waits for it to finish; the log directory and the ports are kept
     * for a later {@link #start()}. Does nothing if it is not running.
     */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        KafkaRaftServer s = server;
        server = null;
        s.shutdown();
        s.awaitShutdown();
        LOG.debug("embedded Kafka broker on {}:{} stopped", HOST, brokerPort);
    }

    /** Stops the broker and starts it again on the same log directory and the same ports. */
    public synchronized EmbeddedKafkaBroker restart() {
        stop();
        return start();
    }

    /** {@code 127.0.0.1:<port>}, for the clients' {@code bootstrap.servers}. */
    public synchronized String bootstrapServers() {
        if (brokerPort == 0) {
            throw new IllegalStateException("the embedded Kafka broker has not been started yet, so it has no port");
        }
        return HOST + ":" + brokerPort;
    }

    /** Whether the broker is running. */
    public synchronized boolean isRunning() {
        return server != null;
    }

    /** The directory holding the broker's data and metadata logs. */
    public Path logDir() {
        return logDir;
    }

    /** The cluster id written when the log directory was formatted, if it has been. */
    public Optional<String> clusterId() {
        return readMetaProperties().map(p -> p.getProperty("cluster.id"));
    }

    /** How long the last {@link #start()} took until the broker answered, if it has started. */
    public synchronized Optional<Duration> lastStartupTime() {
        return Optional.ofNullable(lastStartupTime);
    }

    /** Stops the broker and, if the log directory was a temporary one, deletes it. Safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        try {
            stop();
        } finally {
            closed = true;
            if (deleteLogDirOnClose) {
                deleteRecursively(logDir);
            }
        }
    }

    Properties serverProperties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        p.put("listeners", BROKER_LISTENER + "://" + HOST + ":" + brokerPort + "," + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", BROKER_LISTENER + "://" + HOST + ":" + brokerPort);
        p.put("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("inter.broker.listener.name", BROKER_LISTENER);
        p.put("log.dirs", logDir.toString());
        p.put("metadata.log.dir", logDir.toString());
        // One node: every internal topic can only have one replica.
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("share.coordinator.state.topic.num.partitions", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("num.partitions", "1");
        // Topics are created on purpose by the topic registry, never by a typo in a client.
        p.put("auto.create.topics.enable", "false");
        // A consumer group in a test or the demo should not wait 3 s for more members.
        p.put("group.initial.rebalance.delay.ms", "0");
        // Sized for a laptop or a test JVM, not a server: the log cleaner would take 128 MiB by default,
        // index files would be 10 MiB each and the thread pools sized for many disks and cores.
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(2 * 1024 * 1024));
        p.put("log.index.size.max.bytes", Integer.toString(1024 * 1024));
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("background.threads", "2");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("num.replica.fetchers", "1");
        p.putAll(extraConfigs);
        return p;
    }

    private void formatIfNeeded() {
        if (readMetaProperties().isPresent()) {
            return;
        }
        ByteArrayOutputStream formatterOutput = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(formatterOutput, true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(out)
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .addDirectory(logDir.toString())
                    .setMetadataLogDirectory(logDir.toString())
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format the Kafka log directory " + logDir + ": " + e.getMessage()
                    + (formatterOutput.size() > 0 ? " (formatter said: " + formatterOutput.toString(StandardCharsets.UTF_8).trim() + ")" : ""), e);
        }
        LOG.debug("formatted {}: {}", logDir, formatterOutput.toString(StandardCharsets.UTF_8).trim());
    }

    private Optional<Properties> readMetaProperties() {
        Path meta = logDir.resolve("meta.properties");
        if (!Files.isRegularFile(meta)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(meta, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + meta, e);
        }
        return Optional.of(p);
    }

    /**
     * {@code KafkaRaftServer.startup()} returns once the broker is unfenced, but the listener may still be
     * catching up on metadata; a describeCluster that lists this node proves clients are served.
     */
    private void awaitReady() {
        long deadline = System.nanoTime() + startupTimeout.toNanos();
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, HOST + ":" + brokerPort);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        p.put(AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, "50");
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "newsstream-embedded-broker-probe");
        Exception last = null;
        try (Admin admin = Admin.create(p)) {
            while (System.nanoTime() < deadline) {
                long remainingMs = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
                try {
                    DescribeClusterResult r = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) Math.min(remainingMs, 5000)));
                    boolean listed = r.nodes().get(remainingMs, TimeUnit.MILLISECONDS).stream().anyMatch(n -> n.id() == NODE_ID);
                    boolean hasController = r.controller().get(remainingMs, TimeUnit.MILLISECONDS) != null;
                    if (listed && hasController) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    last = e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the embedded Kafka broker", e);
                }
            }
        }
        throw new IllegalStateException("the embedded Kafka broker on " + HOST + ":" + brokerPort
                + " did not answer within " + startupTimeout.toSeconds() + " s"
                + (last != null ? ": " + last.getMessage() : ""), last);
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (RuntimeException e) {
            LOG.debug("stopping a broker that failed to start", e);
            server = null;
        }
    }

    private static boolean causedByBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException || (t.getMessage() != null && t.getMessage().contains("Address already in use"))) {
                return true;
            }
        }
        return false;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port on " + HOST, e);
        }
    }

    private static Path createTempDir() {
        try {
            return Files.createTempDirectory("newsstream-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary Kafka log directory", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.warn("could not delete the temporary Kafka log directory {}: {}", dir, e.getMessage());
        }
    }

    /** Options of an {@link EmbeddedKafkaBroker}; {@link #build()} creates it without starting it. */
    public static final class Builder {
        private Path logDir;
        private int brokerPort;
        private int controllerPort;
        private final Map<String, String> configs = new LinkedHashMap<>();
        private Duration startupTimeout = Duration.ofSeconds(60);

        private Builder() {
        }

        /**
         * Keeps the data in {@code dir} (created if missing, formatted if empty, reused if formatted) and
         * leaves it in place on close. Without this, a temporary directory is used and deleted on close.
         */
        public Builder logDir(Path dir) {
            this.logDir = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /** Fixed ports on 127.0.0.1 for the client listener and the controller; 0 for either picks a free one. */
        public Builder ports(int brokerPort, int controllerPort) {
            this.brokerPort = checkPort(brokerPort);
            this.controllerPort = checkPort(controllerPort);
            return this;
        }

        /** Fixed client port on 127.0.0.1 (the controller port is picked); 0 picks a free one. */
        public Builder brokerPort(int port) {
            this.brokerPort = checkPort(port);
            return this;
        }

        /** A broker config that overrides the single-node defaults, e.g. {@code log.retention.ms}. */
        public Builder config(String key, String value) {
            configs.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Several broker configs at once; see {@link #config(String, String)}. */
        public Builder configs(Map<String, String> more) {
            more.forEach(this::config);
            return this;
        }

        /** How long {@link EmbeddedKafkaBroker#start()} waits for the broker to answer (default 60 s). */
        public Builder startupTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("start-up timeout must be positive, got " + timeout);
            }
            this.startupTimeout = timeout;
            return this;
        }

        /** The broker, not yet started. */
        public EmbeddedKafkaBroker build() {
            return new EmbeddedKafkaBroker(this);
        }

        private static int checkPort(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0 (pick a free one) or 1-65535, got " + port);
            }
            return port;
        }
    }
}
