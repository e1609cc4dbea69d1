package io.newsstream.app;

import io.newsstream.common.config.NewsstreamConfig;
import io.newsstream.common.topics.TopicAdmin;
import io.newsstream.common.topics.TopicSpec;
import io.newsstream.common.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code newsstream topics create|list}: the topic registry, and creating its topics on a cluster. */
@Command(name = "topics", mixinStandardHelpOptions = true, description = "List the topics newsstream uses, or create them on a cluster.",
        subcommands = {TopicsCommand.Create.class, TopicsCommand.ListTopics.class})
public final class TopicsCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create every topic that does not exist yet, with its configured partitions, replication and configs.")
    static final class Create implements Callable<Integer> {
        @Mixin
        ConfigOptions options;

        @Override
        public Integer call() {
            NewsstreamConfig config = options.load();
            try {
                List<String> created = TopicAdmin.createAll(config, Duration.ofSeconds(60));
                for (TopicSpec<?, ?> t : Topics.all()) {
                    String name = config.topics().name(t);
                    System.out.printf("%-28s %s%n", name, created.contains(name) ? "created" : "exists");
                }
                return 0;
            } catch (IllegalStateException e) {
                throw new UserException(e.getMessage());
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Print the topic registry as configured.")
    static final class ListTopics implements Callable<Integer> {
        @Mixin
        ConfigOptions options;

        @Override
        public Integer call() {
            NewsstreamConfig config = options.load();
            System.out.printf("%-28s %-10s %-11s %s%n", "TOPIC", "PARTITIONS", "REPLICATION", "CONTENT");
            for (TopicSpec<?, ?> t : Topics.all()) {
                System.out.printf("%-28s %-10d %-11d %s%n", config.topics().name(t), config.topics().partitions(t),
                        config.topics().replicationFactor(), t.description());
            }
            return 0;
        }
    }
}
