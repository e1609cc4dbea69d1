package io.newsstream.app;

import io.newsstream.common.config.NewsstreamConfig;
import io.newsstream.sink.SinkService;
import java.util.concurrent.Callable;
import io.newsstream.common.metrics.MetricsServer;
import io.newsstream.common.metrics.StageMetrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code newsstream sink}: runs the sink stage until stopped. */
@Command(name = "sink", mixinStandardHelpOptions = true,
        description = {"Run the sink stage until stopped: enriched articles in, dashboard topics out.",
                "Reads news.articles.enriched, writes news.dashboard.articles, news.dashboard.entities and news.dashboard.stories.",
                "Runs until Ctrl-C or SIGTERM."})
public final class SinkCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() throws InterruptedException {
        NewsstreamConfig config = options.load();
        System.err.printf("sink: %s -> %s, %s (window %s) at %s%n",
                config.topics().name(io.newsstream.common.topics.Topics.ENRICHED),
                config.topics().name(io.newsstream.common.topics.Topics.DASHBOARD_ARTICLES),
                config.topics().name(io.newsstream.common.topics.Topics.DASHBOARD_ENTITIES),
                config.sink().window(), config.bootstrapServers());
        StageMetrics metrics = new StageMetrics();
        var service = new SinkService(config, metrics);
        var metricsServer = MetricsServer.startIfConfigured(config.settings(), "sink", metrics)
                .map(m -> m.register(service.streams()::metrics));
        metricsServer.ifPresent(m -> System.err.printf("sink: metrics on http://%s:%d/metrics%n",
                config.settings().string("metrics.bind", "127.0.0.1"), m.port()));
        System.err.println(service.topology().describe());
        return StreamsRunner.runUntilStopped("sink", service.streams());
    }
}
