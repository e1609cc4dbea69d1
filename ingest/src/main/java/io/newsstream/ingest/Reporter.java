package io.newsstream.ingest;

import io.newsstream.ingest.read.ReadResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * What ingest tells the person running it, on standard error: each rejected input with its reason,
 * warnings, publish failures, a progress line at most every {@link #PROGRESS_INTERVAL} on long runs,
 * and the totals at the end. It never prints article text.
 */
public final class Reporter {

    /** Least time between two progress lines. */
    public static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(2);

    private final PrintWriter err;
    private final LongSupplier nanoTime;
    private final boolean showWarnings;
    private long lastProgress;

    /**
     * @param err          where messages go (standard error)
     * @param nanoTime     monotonic clock ({@code System::nanoTime}), replaceable in tests
     * @param showWarnings whether to print repairs such as removed control characters
     */
    public Reporter(PrintWriter err, LongSupplier nanoTime, boolean showWarnings) {
        this.err = Objects.requireNonNull(err, "err");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.showWarnings = showWarnings;
        this.lastProgress = nanoTime.getAsLong();
    }

    /** A reporter to standard error with warnings shown. */
    public static Reporter toStderr() {
        return new Reporter(new PrintWriter(System.err, true), System::nanoTime, true);
    }

    public void rejected(ReadResult r) {
        print("rejected " + r.origin() + ": " + r.error());
    }

    public void warnings(ReadResult r) {
        if (showWarnings) {
            r.warnings().forEach(w -> print("warning: " + r.origin() + ": " + w));
        }
    }

    public void failed(String origin, String id, Throwable e) {
        Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        print("failed " + origin + " (article " + id + "): " + cause.getMessage());
    }

    /** Any other message, prefixed like the rest. */
    public void info(String message) {
        print(message);
    }

    /**
     * Prints a progress line if {@link #PROGRESS_INTERVAL} has passed since the last one (or the start).
     *
     * @param of   inputs expected in all, or -1 when unknown (a stream)
     * @param unit what an input is: "files", "lines"
     */
    public void progress(IngestStats.Totals t, long of, String unit) {
        long now = nanoTime.getAsLong();
        if (now - lastProgress < PROGRESS_INTERVAL.toNanos()) {
            return;
        }
        lastProgress = now;
        print(t.files() + (of >= 0 ? "/" + of : "") + " " + unit + ", " + t.published() + " published, "
                + t.duplicates() + " duplicate" + (t.duplicates() == 1 ? "" : "s") + ", " + t.rejected() + " rejected"
                + (t.failed() > 0 ? ", " + t.failed() + " failed" : ""));
    }

    public void summary(IngestStats.Totals t) {
        print(t.summary());
    }

    private void print(String message) {
        synchronized (err) {
            err.println("ingest: " + message);
            err.flush();
        }
    }
}
