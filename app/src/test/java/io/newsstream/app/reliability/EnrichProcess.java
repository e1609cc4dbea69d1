package io.newsstream.app.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code newsstream enrich} from the shaded jar, as a separate JVM: what an operator runs, so that
 * {@link #kill()} is a real SIGKILL of the whole process (no shutdown hook, no flush, no commit).
 * Its output is copied to a log file and watched for the Kafka Streams state reaching RUNNING.
 */
final class EnrichProcess implements AutoCloseable {

    /** The jar the package phase builds; failsafe runs in the app module's folder. */
    static final Path JAR = Path.of("target", "newsstream.jar");
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);

    private final String name;
    private final Process process;
    private final Path log;
    private final CountDownLatch running = new CountDownLatch(1);
    private final Deque<String> lastLines = new ArrayDeque<>();
    private final Thread pump;

    private EnrichProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.pump = new Thread(this::pump, "enrich-process-" + name);
        pump.setDaemon(true);
        pump.start();
    }

    /**
     * Starts {@code java -Xmx1g -jar target/newsstream.jar enrich --bootstrap-server ... --set k=v ...}.
     *
     * @param settings {@code --set} settings, e.g. {@code enrich.state.dir}
     * @param logDir   where {@code <name>.log} is written (appended across restarts)
     */
    static EnrichProcess start(String name, String bootstrapServers, Map<String, String> settings, Path logDir) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: the shaded jar is built in the package "
                    + "phase; run the tests with ./mvnw verify, not surefire/failsafe alone");
        }
        List<String> cmd = new ArrayList<>(List.of(javaExecutable(), "-Xmx1g", "-XX:+UseSerialGC", "-jar", JAR.toString(),
                "enrich", "--bootstrap-server", bootstrapServers));
        settings.forEach((k, v) -> {
            cmd.add("--set");
            cmd.add(k + "=" + v);
        });
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        // The child must not pick up a developer's own Kafka or newsstream settings.
        pb.environment().keySet().removeIf(k -> k.startsWith("KAFKA_") || k.startsWith("NEWSSTREAM_"));
        try {
            Path log = logDir.resolve(name + ".log");
            Files.createDirectories(logDir);
            return new EnrichProcess(name, pb.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + cmd, e);
        }
    }

    /**
     * {@code target/reliability-logs/<test class>}, emptied of an earlier run's logs: where a test's
     * process logs go, kept after the run for a person (or CI) to read.
     */
    static Path logDir(Class<?> test) {
        Path dir = Path.of("target", "reliability-logs", test.getSimpleName());
        try {
            Files.createDirectories(dir);
            try (var old = Files.list(dir)) {
                for (Path p : old.filter(f -> f.toString().endsWith(".log")).toList()) {
                    Files.delete(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dir, e);
        }
        return dir;
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private void pump() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                     java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND)) {
            out.write("---- " + name + " pid " + process.pid() + "\n");
            String line;
            while ((line = in.readLine()) != null) {
                out.write(line);
                out.write('\n');
                out.flush();
                synchronized (lastLines) {
                    lastLines.addLast(line);
                    if (lastLines.size() > 40) {
                        lastLines.removeFirst();
                    }
                }
                if (line.contains("-> RUNNING")) {
                    running.countDown();
                }
            }
        } catch (IOException e) {
            // the process died or the log cannot be written; the test sees the process state
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until Kafka Streams reports RUNNING (models loaded, partitions assigned). */
    boolean awaitRunning(Duration deadline) throws InterruptedException {
        return running.await(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** SIGKILL: the JVM gets no chance to commit, flush or close anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " (pid " + process.pid() + ") survived SIGKILL for " + STOP_WAIT);
        }
    }

    /** SIGTERM, so Kafka Streams closes cleanly; SIGKILL if it does not stop in time. */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
            kill();
        }
        pump.join(5_000);
    }

    /** The last lines the process printed, for assertion messages. */
    String tail() {
        synchronized (lastLines) {
            return name + " (pid " + process.pid() + (process.isAlive() ? ", alive" : ", exit " + process.exitValue())
                    + ") last printed:\n  " + String.join("\n  ", lastLines);
        }
    }
}
