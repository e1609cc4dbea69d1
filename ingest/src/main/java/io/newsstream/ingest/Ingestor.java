package io.newsstream.ingest;

import io.newsstream.common.model.RawArticle;
import io.newsstream.ingest.feed.FeedException;
import io.newsstream.ingest.feed.FeedReader;
import io.newsstream.ingest.fetch.PageFetcher;
import io.newsstream.ingest.publish.ArticleSink;
import io.newsstream.ingest.read.ArticleReader;
import io.newsstream.ingest.read.ReadResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Reads inputs with an {@link ArticleReader} and hands the articles to an {@link ArticleSink},
 * counting and reporting as it goes. The command line, the folder watcher and the HTTP endpoint all
 * publish through one of these, so they count and report alike.
 */
public final class Ingestor {

    private final ArticleReader reader;
    private final ArticleSink sink;
    private final Reporter reporter;
    private final IngestStats stats = new IngestStats();
    private final Object inFlightLock = new Object();
    private long inFlight;

    public Ingestor(ArticleReader reader, ArticleSink sink, Reporter reporter) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.reporter = Objects.requireNonNull(reporter, "reporter");
    }

    public ArticleReader reader() {
        return reader;
    }

    public Reporter reporter() {
        return reporter;
    }

    public IngestStats.Totals totals() {
        return stats.totals();
    }

    /**
     * Reads every file of {@code paths} (folders recursively), publishes each article, waits until all
     * are written or failed, and returns the totals.
     */
    public IngestStats.Totals ingest(List<Path> paths, Duration publishTimeout) {
        List<Path> files = new ArrayList<>();
        paths.forEach(p -> files.addAll(reader.inputFiles(p)));
        for (Path file : files) {
            // a progress line also within a file: one JSON-lines archive may hold millions of articles
            reader.readFile(file, r -> {
                accept(r);
                reporter.progress(stats.totals(), files.size(), "files");
            });
            stats.fileDone();
            reporter.progress(stats.totals(), files.size(), "files");
        }
        awaitPublished(publishTimeout);
        return stats.totals();
    }

    /**
     * Fetches each web page of {@code urls} in turn, publishes its article, waits until all are written or
     * failed, and returns the totals. A page that cannot be fetched or holds no article is rejected with
     * the reason, named by its address, and the run goes on.
     */
    public IngestStats.Totals ingestUrls(List<String> urls, PageFetcher fetcher, Duration publishTimeout) {
        for (String url : urls) {
            accept(reader.readUrl(url, fetcher));
            stats.fileDone();
            reporter.progress(stats.totals(), urls.size(), "pages");
        }
        awaitPublished(publishTimeout);
        return stats.totals();
    }

    /**
     * Reads each feed of {@code feeds} once ({@link FeedReader}), publishes the articles of its entries,
     * reports a line per feed (entries, articles, rejections, retried failures; or "not modified" for a 304),
     * and waits until all are written or failed. A feed that cannot be fetched or parsed is rejected with the
     * reason, named by its address, and the run goes on.
     */
    public IngestStats.Totals ingestFeeds(List<String> feeds, FeedReader feedReader, Duration publishTimeout)
            throws InterruptedException {
        for (String feed : feeds) {
            try {
                FeedReader.Result r = feedReader.read(feed);
                if (r.notModified()) {
                    reporter.info("feed " + feed + ": not modified" + retried(r.retries()));
                } else {
                    long rejectedBefore = stats.totals().rejected();
                    r.articles().forEach(this::accept);
                    long rejected = stats.totals().rejected() - rejectedBefore;
                    reporter.info(String.format("feed %s: %d entries, %d read before, %d articles, %d rejected%s", feed,
                            r.entries(), r.skipped(), r.articles().size() - rejected, rejected, retried(r.retries())));
                }
            } catch (FeedException e) {
                reject(ReadResult.rejected(feed, e.getMessage() + retried(e.retries())));
            }
            stats.fileDone();
        }
        awaitPublished(publishTimeout);
        return stats.totals();
    }

    /** How many fetches were retried, and the first few failures (each naming its address). */
    static String retried(List<String> retries) {
        if (retries.isEmpty()) {
            return "";
        }
        int shown = Math.min(3, retries.size());
        return "; " + retries.size() + (retries.size() == 1 ? " retry (" : " retries (") + String.join("; ", retries.subList(0, shown))
                + (retries.size() > shown ? "; " + (retries.size() - shown) + " more" : "") + ")";
    }

    /** Reads and publishes one file (the folder watcher's unit of work) and waits for it to be written. */
    public void ingestFile(Path file, Duration publishTimeout) {
        reader.readFile(file, this::accept);
        stats.fileDone();
        awaitPublished(publishTimeout);
    }

    /**
     * Reads JSON Lines from {@code in} until it ends, publishing as it goes; results are named
     * {@code originPrefix + line}.
     */
    public IngestStats.Totals ingestJsonLines(InputStream in, String originPrefix, Duration publishTimeout) throws IOException {
        reader.readJsonLines(in, originPrefix, r -> {
            accept(r);
            stats.fileDone();
            reporter.progress(stats.totals(), -1, "lines");
        });
        awaitPublished(publishTimeout);
        return stats.totals();
    }

    /** Publishes an accepted result, or counts and reports a rejected one. */
    public void accept(ReadResult r) {
        if (r.isAccepted()) {
            reporter.warnings(r);
            publish(r);
        } else {
            reject(r);
        }
    }

    /** Counts and reports a rejected input. */
    public void reject(ReadResult r) {
        stats.rejected();
        reporter.warnings(r);
        reporter.rejected(r);
    }

    /** Publishes the article of an accepted result; the future completes as the sink's does. */
    public CompletableFuture<ArticleSink.Outcome> publish(ReadResult r) {
        RawArticle article = r.article();
        synchronized (inFlightLock) {
            inFlight++;
        }
        CompletableFuture<ArticleSink.Outcome> f;
        try {
            f = sink.publish(article);
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        return f.whenComplete((outcome, error) -> {
            if (error != null) {
                stats.failed();
                reporter.failed(r.origin(), article.id(), error);
            } else if (outcome == ArticleSink.Outcome.DUPLICATE) {
                stats.duplicate();
            } else {
                stats.published();
            }
            synchronized (inFlightLock) {
                inFlight--;
                inFlightLock.notifyAll();
            }
        });
    }

    /**
     * Flushes the sink and waits until every article handed over is written or failed.
     *
     * @return whether all completed within {@code timeout}
     */
    public boolean awaitPublished(Duration timeout) {
        sink.flush();
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (inFlightLock) {
            while (inFlight > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    inFlightLock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }
}
