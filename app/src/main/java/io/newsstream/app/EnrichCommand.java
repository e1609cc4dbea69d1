package io.newsstream.app;

import io.newsstream.common.config.NewsstreamConfig;
import io.newsstream.common.topics.Topics;
import io.newsstream.enrich.EnrichService;
import io.newsstream.enrich.Enricher;
import io.newsstream.enrich.EnricherFactory;
import java.util.concurrent.Callable;
import io.newsstream.common.metrics.MetricsServer;
import io.newsstream.common.metrics.StageMetrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code newsstream enrich}: runs the enrich stage until stopped. */
@Command(name = "enrich", mixinStandardHelpOptions = true,
        description = {"Run the enrich stage until stopped: raw articles in, enriched articles out.",
                "Reads news.articles.raw, writes news.articles.enriched (language, entities, sentiment, story); records that",
                "cannot be enriched go to news.deadletter with the reason. Runs until Ctrl-C or SIGTERM.",
                "Scale out by starting more instances with the same enrich.application.id (up to one per partition)."})
public final class EnrichCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() throws InterruptedException {
        NewsstreamConfig config = options.load();
        System.err.println("enrich: loading models...");
        long t0 = System.nanoTime();
        Enricher enricher = EnricherFactory.create(config);
        System.err.printf("enrich: models loaded in %.1f s (%s)%n", (System.nanoTime() - t0) / 1e9, enricher.pipeline().models());
        System.err.printf("enrich: %s -> %s with %d stream thread(s) at %s%n", config.topics().name(Topics.RAW),
                config.topics().name(Topics.ENRICHED), config.enrich().threads(), config.bootstrapServers());
        StageMetrics metrics = new StageMetrics();
        var service = new EnrichService(config, enricher, metrics);
        var metricsServer = MetricsServer.startIfConfigured(config.settings(), "enrich", metrics)
                .map(m -> m.register(service.streams()::metrics));
        metricsServer.ifPresent(m -> System.err.printf("enrich: metrics on http://%s:%d/metrics%n",
                config.settings().string("metrics.bind", "127.0.0.1"), m.port()));
        System.err.println(service.topology().describe());
        return StreamsRunner.runUntilStopped("enrich", service.streams());
    }
}
