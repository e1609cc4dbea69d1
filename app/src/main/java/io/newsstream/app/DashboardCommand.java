package io.newsstream.app;

import io.newsstream.app.dashboard.DashboardServer;
import io.newsstream.common.config.NewsstreamConfig;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newsstream dashboard}: a live web page and JSON API over the dashboard topics. */
@Command(name = "dashboard", mixinStandardHelpOptions = true,
        description = {"Serve a live dashboard page and a JSON API over news.dashboard.* and news.deadletter.",
                "GET / (the page, updating live), /api/stories, /api/stories/{id}, /api/entities, /api/entities/{id},",
                "/api/entities/{id}/stories, /api/deadletter. Prometheus /metrics on dashboard.metrics.port (0, off, by default).",
                "Binds 127.0.0.1 by default; beyond loopback a token is required (dashboard.token, or",
                "ingest.http.token when not set), sent as 'Authorization: Bearer' or ?token=. Runs until Ctrl-C."})
public final class DashboardCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Option(names = "--port", description = "port (default: dashboard.port, 8081; 0 picks a free one)")
    Integer port;

    @Option(names = "--bind", description = "address to bind (default: dashboard.bind, 127.0.0.1)")
    String bind;

    @Override
    public Integer call() throws Exception {
        NewsstreamConfig config = options.load();
        try (DashboardServer server = start(config, bind, port)) {
            System.err.println("dashboard: " + server.url() + " (reading " + config.bootstrapServers() + ")");
            server.metricsPort().ifPresent(p -> System.err.printf("dashboard: metrics on http://%s:%d/metrics%n",
                    config.settings().string("metrics.bind", "127.0.0.1"), p));
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "dashboard-shutdown"));
            stop.await();
        }
        return 0;
    }

    /**
     * Starts the dashboard from the settings ({@code dashboard.bind}, {@code dashboard.port},
     * {@code dashboard.token}, {@code dashboard.metrics.port}).
     */
    static DashboardServer start(NewsstreamConfig config, String bind, Integer port) throws java.io.IOException {
        var s = config.settings();
        Optional<String> token = s.get("dashboard.token").or(() -> s.get("ingest.http.token"));
        return DashboardServer.start(config, bind != null ? bind : s.string("dashboard.bind", "127.0.0.1"),
                port != null ? port : s.port("dashboard.port", 8081), token);
    }
}
