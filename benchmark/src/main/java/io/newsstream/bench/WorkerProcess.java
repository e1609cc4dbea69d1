package io.newsstream.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The child JVM running {@link EnrichWorker}, seen from {@link BenchMain}: sends commands, waits for
 * the worker's answers, and copies everything else it prints into the bench log.
 */
final class WorkerProcess implements AutoCloseable {

    /** One answer of the worker: the event name and its JSON payload. */
    record Reply(String event, Map<String, Object> payload) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final Process process;
    private final PrintWriter commands;
    private final BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();

    private WorkerProcess(Process process, Writer log) {
        this.process = process;
        this.commands = new PrintWriter(process.outputWriter(StandardCharsets.UTF_8), true);
        Thread reader = new Thread(() -> pump(log), "bench-worker-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts the worker JVM with this JVM's class path and {@code jvmOptions}; its standard error goes
     * to {@code logFile}.
     */
    /** CPU time the worker JVM has used so far, in nanoseconds (-1 where the platform does not say). */
    long cpuNanos() {
        return process.toHandle().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(-1L);
    }

    static WorkerProcess start(List<String> jvmOptions, Path logFile) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(EnrichWorker.class.getName());
        Process p = new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        Writer log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return new WorkerProcess(p, log);
    }

    private void pump(Writer log) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith(EnrichWorker.PREFIX)) {
                    int space = line.indexOf(' ');
                    String event = line.substring(EnrichWorker.PREFIX.length(), space < 0 ? line.length() : space);
                    Map<String, Object> payload = space < 0 ? Map.of()
                            : json.readValue(line.substring(space + 1), new TypeReference<>() { });
                    replies.add(new Reply(event, payload));
                } else {
                    synchronized (log) {
                        log.write(line);
                        log.write('\n');
                        log.flush();
                    }
                }
            }
        } catch (IOException e) {
            replies.add(new Reply("error", Map.of("message", "lost the worker's output: " + e)));
        } finally {
            replies.add(new Reply("exit", Map.of()));
            try {
                log.close();
            } catch (IOException ignored) {
                // the log is best effort
            }
        }
    }

    /** Sends one command. */
    void send(Map<String, ?> command) {
        try {
            commands.println(json.writeValueAsString(command));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a command to the enrich worker", e);
        }
    }

    /**
     * Waits for the answer {@code event}; any other answer in between is skipped, except an error or
     * the worker's exit, which fail.
     */
    Reply await(String event, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Reply r = left <= 0 ? null : replies.poll(left, TimeUnit.NANOSECONDS);
            if (r == null) {
                throw new IllegalStateException("the enrich worker did not answer '" + event + "' within " + timeout
                        + " (see the bench log)");
            }
            if (r.event().equals(event)) {
                return r;
            }
            if (r.event().equals("error") || r.event().equals("exit")) {
                throw new IllegalStateException("the enrich worker failed while waiting for '" + event + "': "
                        + r.payload().getOrDefault("message", "it exited") + " (see the bench log)");
            }
        }
    }

    /** Removes and returns the answers {@code event} received so far, without waiting. */
    List<Reply> drain(String event) {
        List<Reply> out = new ArrayList<>();
        replies.removeIf(r -> {
            if (r.event().equals(event)) {
                out.add(r);
                return true;
            }
            return false;
        });
        return out;
    }

    /** Asks the worker to quit and waits for it, killing it if it does not go. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            commands.println("{\"cmd\":\"quit\"}");
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
