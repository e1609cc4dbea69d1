package io.newsstream.common.metrics;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * A Prometheus {@code GET /metrics} endpoint on the JDK's HTTP server: the pipeline's own
 * {@link StageMetrics} and the metrics of every Kafka client or Kafka Streams instance registered
 * (their {@code metrics()} maps, as {@code kafka_<group>_<name>} gauges with the metric's tags as labels).
 */
public final class MetricsServer implements AutoCloseable {

    private final StageMetrics stage;
    private final List<Supplier<Map<MetricName, ? extends Metric>>> kafka = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    /** Starts serving on {@code bind:port} ({@code port} 0 picks a free port). */
    public MetricsServer(String bind, int port, StageMetrics stage) throws IOException {
        this.stage = stage;
        this.server = HttpServer.create(new InetSocketAddress(bind, port), 0);
        server.createContext("/metrics", exchange -> {
            try (exchange) {
                if (!"GET".equals(exchange.getRequestMethod())) {
                    exchange.sendResponseHeaders(405, -1);
                    return;
                }
                byte[] body = render().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.setExecutor(null);
        server.start();
    }

    /**
     * Starts the endpoint of {@code stage} when its port is set: {@code <stage>.metrics.port} (0, the
     * default, is off), bound to {@code metrics.bind} ({@code 127.0.0.1} by default).
     */
    public static java.util.Optional<MetricsServer> startIfConfigured(io.newsstream.common.config.Settings settings,
            String stage, StageMetrics metrics) {
        int port = settings.port(stage + ".metrics.port", 0);
        if (port == 0) {
            return java.util.Optional.empty();
        }
        String bind = settings.string("metrics.bind", "127.0.0.1");
        try {
            return java.util.Optional.of(new MetricsServer(bind, port, metrics));
        } catch (IOException e) {
            throw new io.newsstream.common.config.ConfigException("setting '" + stage + ".metrics.port': cannot serve metrics on "
                    + bind + ":" + port + ": " + e.getMessage());
        }
    }

    /** Adds a Kafka client's or Kafka Streams instance's metrics ({@code streams::metrics}). */
    public MetricsServer register(Supplier<Map<MetricName, ? extends Metric>> metrics) {
        kafka.add(metrics);
        return this;
    }

    /** The port actually bound. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Everything, in the Prometheus text format. */
    public String render() {
        StringBuilder out = new StringBuilder(16_384);
        stage.render(out);
        Map<String, StringBuilder> byName = new java.util.TreeMap<>();
        for (Supplier<Map<MetricName, ? extends Metric>> source : kafka) {
            source.get().forEach((name, metric) -> {
                if (!(metric.metricValue() instanceof Number n) || Double.isNaN(n.doubleValue())) {
                    return;
                }
                String prom = sanitize("kafka_" + name.group().replace("-metrics", "") + "_" + name.name());
                StringBuilder lines = byName.computeIfAbsent(prom, k -> new StringBuilder());
                String[] labels = name.tags().entrySet().stream()
                        .flatMap(e -> java.util.stream.Stream.of(sanitize(e.getKey()), e.getValue())).toArray(String[]::new);
                double v = n.doubleValue();
                lines.append(StageMetrics.series(prom, labels)).append(' ')
                        .append(Double.isInfinite(v) ? (v > 0 ? "+Inf" : "-Inf") : String.format(Locale.ROOT, "%s", v)).append('\n');
            });
        }
        byName.forEach((name, lines) -> out.append("# TYPE ").append(name).append(" gauge\n").append(lines));
        return out.toString();
    }

    static String sanitize(String s) {
        return s.replaceAll("[^a-zA-Z0-9_]", "_");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
