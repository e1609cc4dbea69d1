package io.newsstream.app;

import io.newsstream.common.config.NewsstreamConfig;
import io.newsstream.sink.SinkService;
import java.util.concurrent.Callable;
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
        var service = new SinkService(config);
        System.err.println(service.topology().describe());
        return StreamsRunner.runUntilStopped("sink", service.streams());
    }
}
