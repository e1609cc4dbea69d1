package io.newsstream.app;

import io.newsstream.common.config.NewsstreamConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The configuration flags of a subcommand that never talks to Kafka: a settings file and single settings. */
public final class OfflineOptions {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Properties file with settings (also NEWSSTREAM_CONFIG).")
    Path configFile;

    @Option(names = {"-s", "--set"}, paramLabel = "KEY=VALUE",
            description = "Any setting, e.g. --set enrich.story.quiet.period=2d. Repeatable.")
    Map<String, String> settings = new LinkedHashMap<>();

    /** The merged configuration: defaults, file, environment, then these flags. */
    public NewsstreamConfig load() {
        return NewsstreamConfig.load(configFile, System.getenv(), new LinkedHashMap<>(settings));
    }
}
