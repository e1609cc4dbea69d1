package io.newsstream.app;

import io.newsstream.common.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code newsstream} command line: one jar, one subcommand per stage and tool. */
@Command(name = "newsstream",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Streaming news enrichment on Apache Kafka: ingest articles, enrich them with language, "
                + "entities, sentiment and stories, and feed dashboards.",
        footer = {"", "Benchmark: from a source checkout, ./bench measures articles/s per thread",
                "(next to the stock CoreNLP pipeline), end-to-end throughput and latency on an",
                "embedded broker, and enrich's heap; ./bench --quick is the short version,",
                "./bench --help says more. Figures: BENCHMARKS.md."},
        subcommands = {
                CommandLine.HelpCommand.class,
                IngestCommand.class,
                EnrichCommand.class,
                SinkCommand.class,
                DemoCommand.class,
                DashboardCommand.class,
                AnnotateCommand.class,
                EvalCommand.class,
                TailCommand.class,
                TopicsCommand.class,
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (for tests and the demo). */
    public static int run(String... args) {
        return commandLine(CommandLine.defaultFactory()).execute(args);
    }

    /**
     * The command line with its error handling (a usage or configuration error is exit code 2 with the
     * message), its subcommands made by {@code factory} (tests hand in prepared instances).
     */
    static CommandLine commandLine(CommandLine.IFactory factory) {
        CommandLine cli = new CommandLine(new Main(), factory);
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof ConfigException || ex instanceof UserException) {
                cmd.getErr().println(cmd.getColorScheme().errorText("newsstream: " + ex.getMessage()));
                return 2;
            }
            throw ex;
        });
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The version in the jar's manifest. */
    public static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"newsstream " + version()};
        }
    }
}
