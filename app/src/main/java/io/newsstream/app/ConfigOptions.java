package io.newsstream.app;

import io.newsstream.common.config.NewsstreamConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The configuration flags every subcommand shares. Flags are the last layer: they win over the
 * properties file and the environment.
 */
public final class ConfigOptions {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Properties file with settings (also NEWSSTREAM_CONFIG).")
    Path configFile;

    @Option(names = {"-b", "--bootstrap-server"}, paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers (setting bootstrap.servers, env NEWSSTREAM_BOOTSTRAP_SERVERS; default ${DEFAULT-VALUE}).",
            defaultValue = "${env:NEWSSTREAM_BOOTSTRAP_SERVERS:-localhost:9092}")
    String bootstrapServers;

    @Option(names = {"-s", "--set"}, paramLabel = "KEY=VALUE",
            description = "Any setting, e.g. --set enrich.threads=2 or --set kafka.security.protocol=SASL_SSL. Repeatable.")
    Map<String, String> settings = new LinkedHashMap<>();

    /** The merged configuration: defaults, file, environment, then these flags. */
    public NewsstreamConfig load() {
        Map<String, String> overrides = new LinkedHashMap<>(settings);
        if (bootstrapServers != null) {
            overrides.put("bootstrap.servers", bootstrapServers);
        }
        return NewsstreamConfig.load(configFile, System.getenv(), overrides);
    }
}
