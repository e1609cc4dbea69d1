package io.newsstream.app;

import io.newsstream.common.config.ConfigException;
import io.newsstream.common.config.NewsstreamConfig;
import io.newsstream.common.config.Settings;
import io.newsstream.common.model.Source;
import io.newsstream.common.topics.Topics;
import io.newsstream.ingest.IngestStats;
import io.newsstream.ingest.Ingestor;
import io.newsstream.ingest.Reporter;
import io.newsstream.ingest.feed.FeedReader;
import io.newsstream.ingest.fetch.PageFetcher;
import io.newsstream.ingest.fetch.PoliteFetcher;
import io.newsstream.ingest.http.IngestHttpServer;
import io.newsstream.ingest.publish.ArticlePublisher;
import io.newsstream.ingest.publish.ArticleSink;
import io.newsstream.ingest.publish.PrintingSink;
import io.newsstream.ingest.publish.PublishException;
import io.newsstream.ingest.publish.RawTopic;
import io.newsstream.ingest.publish.RawTopicIds;
import io.newsstream.ingest.publish.SeenIds;
import io.newsstream.ingest.read.ArticleReader;
import io.newsstream.ingest.watch.FolderWatcher;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import io.newsstream.common.metrics.MetricsServer;
import io.newsstream.common.metrics.StageMetrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newsstream ingest}: reads articles from files, folders, standard input, an HTTP endpoint or
 * a watched folder, and publishes each new one once to the raw topic (or prints it, with
 * {@code --dry-run}).
 */
@Command(name = "ingest",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        headerHeading = "",
        header = "Read articles and publish them to the raw topic, each once.",
        description = {
                "Reads .txt files (plain text; a headline and a date in the first lines are recognised), .json files "
                        + "(one article object, or an array: text, title, source {name, url}, publishedAt, language, id), "
                        + ".jsonl files (one article object per line) and web pages: .html/.htm files (also gzipped, .html.gz) "
                        + "and --url addresses, whose article (title, body, date, outlet, canonical address, language) is "
                        + "extracted and the rest of the page left out. A folder is read recursively in name order; '-' reads "
                        + "JSON Lines from standard input. --feed reads RSS and Atom feeds: an entry's full text from "
                        + "the feed, else its page's article.",
                "",
                "Every article is cleaned (control characters, HTML, page furniture), gets a stable id (its own; a web "
                        + "page's from its normalised canonical address; else one derived from its text) and is published to the raw topic unless an article with that id is already "
                        + "there (ids published within ingest.dedupe.lookback are checked at start). Rejected inputs are named "
                        + "on standard error with the reason.",
                "",
                "PATHs, '-' and --url are read first. With --http and/or --watch the command then serves and/or watches "
                        + "(both at once when both are given) until Ctrl-C or SIGTERM, finishes the requests and files in "
                        + "hand, flushes and exits 0.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
                "  # publish every article under seeds/ (folders are read recursively)",
                "  newsstream ingest seeds/",
                "  # print the records instead of publishing; no broker needed",
                "  newsstream ingest --dry-run feed.jsonl",
                "  # web pages: the article of each, one JSON line per page in the order given",
                "  newsstream ingest --dry-run --url https://example.com/news/story.html",
                "  # RSS/Atom feeds, read again every 5 minutes (new entries only) until Ctrl-C",
                "  newsstream ingest --feed https://example.com/rss.xml --poll 5m",
                "  # JSON Lines from standard input",
                "  cat feed.jsonl | newsstream ingest -",
                "  # publish the files in inbox/, then each new one as it lands",
                "  newsstream ingest --watch inbox/",
                "  # serve POST /articles on 127.0.0.1:8080, then post a text file to it",
                "  newsstream ingest --http 8080",
                "  curl -H 'Content-Type: text/plain' --data-binary @story.txt \\",
                "       'http://127.0.0.1:8080/articles?source=Herald'",
                "  # listen on every interface: a token is then required",
                "  NEWSSTREAM_INGEST_HTTP_TOKEN=s3cret newsstream ingest --http --bind 0.0.0.0",
                "  # all in one process, as docker-compose.yml runs it: archive/ first, then",
                "  # HTTP and the inbox/ watcher until Ctrl-C or SIGTERM",
                "  newsstream ingest --http 8080 --watch inbox/ archive/",
                "",
                "Settings (--set KEY=VALUE, a properties file, or NEWSSTREAM_* variables):",
                "  ingest.max.chars, ingest.dedupe.lookback, topic.raw.name,",
                "  ingest.http.bind, ingest.http.port, ingest.http.token,",
                "  ingest.http.max.bytes, ingest.http.rate, ingest.fetch.contact",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:every input was published or was already there (with --http or --watch: stopped by Ctrl-C",
                "  or SIGTERM after the PATHs given were)",
                "1:some inputs named on the command line were rejected or could not be published",
                "2:usage or configuration error, or Kafka cannot be reached",
        })
public final class IngestCommand implements Callable<Integer> {

    /** How long a run waits at the end for the broker to acknowledge what it sent. */
    private static final Duration PUBLISH_TIMEOUT = Duration.ofMinutes(2);
    /** How long the start may spend reading the ids already on the raw topic. */
    private static final Duration LOOKBACK_DEADLINE = Duration.ofSeconds(15);
    private static final Duration WATCH_DEBOUNCE = Duration.ofMillis(500);
    private static final Duration WATCH_POLL = Duration.ofSeconds(2);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    @Mixin
    ConfigOptions config;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Files or folders to read (.txt, .json, .jsonl, .html, .htm, .html.gz); '-' reads JSON Lines from standard input.")
    List<String> paths = new ArrayList<>();

    @Option(names = "--url", arity = "1..*", paramLabel = "URL",
            description = "Web pages to fetch and extract the article from, in the order given (after any PATHs); a "
                    + "page that cannot be fetched is named with the reason and the run goes on.")
    List<String> urls = new ArrayList<>();

    @Option(names = "--feed", arity = "1..*", paramLabel = "URL",
            description = "RSS or Atom feeds to read: each entry's full text from the feed, else from its page (the "
                    + "feed's summary when the page fails); an entry is read once per run.")
    List<String> feeds = new ArrayList<>();

    @Option(names = "--feeds", paramLabel = "FILE",
            description = "A file of feed addresses: one URL a line ('#' starts a comment), or an OPML subscription list.")
    Path feedsFile;

    @Option(names = "--poll", paramLabel = "DURATION",
            description = "Read the feeds again every DURATION (e.g. 5m) until stopped with Ctrl-C; new entries only. "
                    + "Each feed is fetched conditionally (ETag / Last-Modified: a 304 is 'not modified'); robots.txt is "
                    + "honoured and timeouts, 429 and 5xx are retried (3 attempts with backoff).")
    String poll;

    @Option(names = "--host-delay", paramLabel = "DURATION", defaultValue = "1s",
            description = "Least time between two requests to one host when reading feeds (default: ${DEFAULT-VALUE}).")
    String hostDelay;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30s",
            description = "Longest a --url page or a feed may take to arrive in full (default: ${DEFAULT-VALUE}; e.g. 500ms, 10s, 1m).")
    String timeout;

    @Option(names = "--http", arity = "0..1", paramLabel = "PORT", fallbackValue = "-1",
            description = "Serve an HTTP endpoint until stopped (after any PATHs): POST /articles (application/json or "
                    + "text/plain), GET /health. PORT defaults to ingest.http.port (8080); 0 picks a free port.")
    Integer httpPort;

    @Option(names = "--bind", paramLabel = "ADDR",
            description = "Address the HTTP endpoint listens on (ingest.http.bind, default 127.0.0.1). Any other than "
                    + "loopback requires ingest.http.token.")
    String bind;

    @Option(names = "--watch", paramLabel = "DIR",
            description = "Publish the files in DIR, then keep watching it for new or changed files until stopped (after "
                    + "any PATHs; with --http too, both run).")
    Path watch;

    @Option(names = "--dry-run",
            description = "Print each record as one JSON line on standard output instead of publishing; needs no broker.")
    boolean dryRun;

    @Option(names = "--source", paramLabel = "NAME",
            description = "Outlet name for articles that name none (plain-text files, text/plain requests).")
    String sourceName;

    @Option(names = "--no-lookback",
            description = "Do not read the ids already on the raw topic at start (only this run's duplicates are skipped).")
    boolean noLookback;

    @Option(names = {"-q", "--quiet"}, description = "Do not print warnings about repaired input (rejections are still printed).")
    boolean quiet;

    @Spec
    CommandSpec spec;

    /** Where a run with --http or --watch learns it is to stop: SIGINT/SIGTERM (tests hand in a manual one). */
    Supplier<StopSignal> stopSignal = StopSignal::install;

    @Override
    public Integer call() throws IOException, InterruptedException {
        List<String> feedUrls = feedUrls();
        if (poll != null && feedUrls.isEmpty()) {
            throw new UserException("--poll only applies to --feed and --feeds");
        }
        Duration pollEvery = poll == null ? null : duration("--poll", poll);
        if (pollEvery != null && pollEvery.isZero()) {
            throw new UserException("--poll must be longer than 0");
        }
        Duration perHost = duration("--host-delay", hostDelay);
        boolean reads = !paths.isEmpty() || !urls.isEmpty() || !feedUrls.isEmpty();
        if (!reads && httpPort == null && watch == null) {
            throw new UserException("nothing to read: give files or folders, '-' for standard input, --url URL..., "
                    + "--feed URL..., --watch DIR or --http [PORT] (see newsstream ingest --help)");
        }
        Duration pageTimeout = pageTimeout();
        if (bind != null && httpPort == null) {
            throw new UserException("--bind only applies to --http");
        }
        checkPaths();
        NewsstreamConfig cfg = config.load();
        Map<String, String> overrides = new HashMap<>();
        if (bind != null) {
            overrides.put("ingest.http.bind", bind);
        }
        if (httpPort != null && httpPort >= 0) {
            overrides.put("ingest.http.port", Integer.toString(httpPort));
        }
        if (!overrides.isEmpty()) {
            cfg = cfg.with(overrides);
        }
        if (httpPort != null) {
            // fail on an exposed address without a token before touching Kafka
            IngestHttpServer.checkExposure(cfg.ingest().httpBind(), cfg.ingest().httpToken());
        }

        PrintWriter err = spec.commandLine().getErr();
        Reporter reporter = new Reporter(err, System::nanoTime, !quiet);
        ArticleReader reader = ArticleReader.create(cfg.ingest(), sourceName == null ? null : new Source(sourceName, null),
                Clock.systemUTC());
        SeenIds seen = new SeenIds();
        StageMetrics metrics = new StageMetrics();
        String userAgent = PageFetcher.userAgent(cfg.settings().string("ingest.fetch.contact", null));
        boolean runsUntilStopped = httpPort != null || watch != null || pollEvery != null;
        IngestStats.Totals given;
        IngestStats.Totals totals;
        try (StopSignal stop = runsUntilStopped ? stopSignal.get() : null;
             ArticleSink sink = dryRun ? new PrintingSink(spec.commandLine().getOut(), seen) : publisher(cfg, seen, reporter, metrics)) {
            Ingestor ingestor = new Ingestor(reader, sink, reporter);
            // what the command line names comes first, then the endpoint and the watcher until stopped
            read(ingestor);
            if (!urls.isEmpty()) {
                ingestor.ingestUrls(urls, new PageFetcher(pageTimeout, userAgent), PUBLISH_TIMEOUT);
            }
            FeedReader feedReader = feedUrls.isEmpty() ? null
                    : new FeedReader(reader, new PoliteFetcher(new PageFetcher(pageTimeout, userAgent), perHost), metrics);
            if (feedReader != null) {
                ingestor.ingestFeeds(feedUrls, feedReader, PUBLISH_TIMEOUT);
            }
            given = ingestor.totals();
            if (stop != null) {
                serveAndWatch(cfg, ingestor, stop, pollEvery == null ? null : () -> ingestor.ingestFeeds(feedUrls, feedReader,
                        PUBLISH_TIMEOUT), pollEvery);
            }
            totals = ingestor.totals();
        }
        reporter.summary(totals);
        // Inputs named on the command line decide the exit code; what arrives later over HTTP or in
        // the watched folder was answered or reported as it came, and a requested stop is a clean one.
        return given.rejected() + given.failed() > 0 ? 1 : 0;
    }

    /** Reading the feeds again (--poll). */
    private interface Poll {
        void run() throws InterruptedException;
    }

    /**
     * Serves HTTP and/or watches the folder and/or reads the feeds every {@code every} until SIGINT/SIGTERM,
     * then stops and waits for what is in flight.
     */
    private void serveAndWatch(NewsstreamConfig cfg, Ingestor ingestor, StopSignal stop, Poll poll, Duration every)
            throws IOException, InterruptedException {
        IngestHttpServer server = null;
        FolderWatcher watcher = null;
        Thread watching = null;
        IOException[] watchFailure = new IOException[1];
        try {
            if (httpPort != null) {
                server = IngestHttpServer.start(cfg.ingest(), ingestor);
                ingestor.reporter().info("listening on " + server.uri() + IngestHttpServer.ARTICLES_PATH
                        + (cfg.ingest().httpToken().isPresent() ? " (bearer token required)" : "") + "; stop with Ctrl-C");
            }
            if (watch != null) {
                FolderWatcher w = new FolderWatcher(watch, file -> ingestor.ingestFile(file, PUBLISH_TIMEOUT),
                        WATCH_DEBOUNCE, WATCH_POLL);
                watcher = w;
                watching = new Thread(() -> {
                    try {
                        w.run();
                    } catch (IOException e) {
                        watchFailure[0] = e;
                        stop.request("watch failed");
                    }
                }, "ingest-watch");
                ingestor.reporter().info("watching " + watch + " for .txt, .json, .jsonl and .html files; stop with Ctrl-C");
                watching.start();
            }
            if (poll == null) {
                stop.await();
            } else {
                ingestor.reporter().info("reading the feeds again every " + this.poll + "; stop with Ctrl-C");
                while (!stop.await(every)) {
                    poll.run();
                }
            }
            ingestor.reporter().info("stopping (" + stop.reason() + ")");
        } finally {
            if (server != null) {
                server.close();
            }
            if (watcher != null) {
                watcher.close();
                watching.join(STOP_WAIT.toMillis());
            }
            ingestor.awaitPublished(PUBLISH_TIMEOUT);
        }
        if (watchFailure[0] != null) {
            throw new UserException("cannot watch " + watch + ": " + watchFailure[0].getMessage());
        }
    }

    /** A duration option that may be 0 ({@code 0s}, {@code 0}); otherwise as {@link #positive}. */
    private static Duration duration(String option, String value) {
        return value.strip().matches("0+(ms|s|m|h|d)?") ? Duration.ZERO : positive(option, value);
    }

    /** A positive duration option, or the setting parser's message as a usage error. */
    private static Duration positive(String option, String value) {
        try {
            return Settings.parseDurationSetting(option, value);
        } catch (ConfigException e) {
            throw new UserException(e.getMessage());
        }
    }

    /** --feed addresses, then those of --feeds FILE (lines, or an OPML list's xmlUrl attributes). */
    private List<String> feedUrls() {
        List<String> out = new ArrayList<>(feeds);
        if (feedsFile == null) {
            return out;
        }
        String text;
        try {
            text = Files.readString(feedsFile);
        } catch (IOException e) {
            throw new UserException("cannot read --feeds " + feedsFile + ": " + e.getMessage());
        }
        if (text.stripLeading().startsWith("<")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("xmlUrl\\s*=\\s*\"([^\"]+)\"").matcher(text);
            while (m.find()) {
                out.add(m.group(1).replace("&amp;", "&"));
            }
        } else {
            for (String line : text.split("\\R")) {
                String l = line.replaceAll("#.*", "").strip();
                if (!l.isEmpty()) {
                    out.add(l);
                }
            }
        }
        if (out.isEmpty()) {
            throw new UserException("--feeds " + feedsFile + " names no feed");
        }
        return out;
    }

    private Duration pageTimeout() {
        return positive("--timeout", timeout);
    }

    private void checkPaths() {
        long stdin = paths.stream().filter("-"::equals).count();
        if (stdin > 1) {
            throw new UserException("'-' (standard input) can be given once");
        }
        for (String p : paths) {
            if (p.equals("-")) {
                continue;
            }
            if (!Files.exists(Path.of(p))) {
                throw new UserException("no such file or folder: " + p);
            }
        }
        if (watch != null && !Files.isDirectory(watch)) {
            throw new UserException("--watch needs a folder, and " + watch + " is not one");
        }
    }

    private ArticleSink publisher(NewsstreamConfig cfg, SeenIds seen, Reporter reporter, StageMetrics metrics) {
        String topic = cfg.topics().name(Topics.RAW);
        RawTopicIds.Result known = noLookback ? null : RawTopicIds.load(cfg, seen, Clock.systemUTC(), LOOKBACK_DEADLINE);
        if (known != null && known.unreachable()) {
            throw new UserException("cannot reach Kafka at " + cfg.bootstrapServers() + ": " + known.problem()
                    + " (check --bootstrap-server or bootstrap.servers, or try --dry-run)");
        }
        if (known == null || !known.topicExists()) {
            try {
                if (RawTopic.ensure(cfg, LOOKBACK_DEADLINE)) {
                    reporter.info("created topic " + topic + " (" + cfg.topics().partitions(Topics.RAW) + " partitions)");
                }
            } catch (PublishException e) {
                throw new UserException(e.getMessage());
            }
        } else if (known.complete()) {
            reporter.info(known.loaded() + " article ids already on " + topic + " within "
                    + cfg.settings().string("ingest.dedupe.lookback", "7d") + "; those are skipped");
        } else {
            reporter.info("warning: read only " + known.loaded() + " of the ids already on " + topic + " (" + known.problem()
                    + "); older articles may be published again");
        }
        ArticleSink publisher = ArticlePublisher.create(cfg, seen);
        var server = MetricsServer.startIfConfigured(cfg.settings(), "ingest", metrics);
        server.ifPresent(m -> reporter.info("metrics on http://" + cfg.settings().string("metrics.bind", "127.0.0.1") + ":" + m.port() + "/metrics"));
        return new ArticleSink() {
            @Override
            public java.util.concurrent.CompletableFuture<Outcome> publish(io.newsstream.common.model.RawArticle article) {
                metrics.articleIn("ingest");
                return publisher.publish(article).whenComplete((o, e) -> {
                    if (o == Outcome.PUBLISHED) {
                        metrics.articleOut("ingest");
                    } else if (e != null) {
                        metrics.deadLetter("ingest", (e.getCause() == null ? e : e.getCause()).getClass().getName());
                    }
                });
            }

            @Override
            public void flush() {
                publisher.flush();
            }

            @Override
            public void close() {
                publisher.close();
                server.ifPresent(MetricsServer::close);
            }
        };
    }

    private void read(Ingestor ingestor) throws IOException {
        List<Path> batch = new ArrayList<>();
        for (String p : paths) {
            if (p.equals("-")) {
                ingestor.ingest(batch, PUBLISH_TIMEOUT);
                batch.clear();
                ingestor.ingestJsonLines(System.in, "stdin:", PUBLISH_TIMEOUT);
            } else {
                batch.add(Path.of(p));
            }
        }
        ingestor.ingest(batch, PUBLISH_TIMEOUT);
    }
}
