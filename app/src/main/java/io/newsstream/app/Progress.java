package io.newsstream.app;

import java.io.PrintStream;

/** A progress line on standard error for long runs: at most every two seconds, and once at the end. */
final class Progress {

    private static final long EVERY_NANOS = 2_000_000_000L;

    private final String what;
    private final long total;
    private final PrintStream out;
    private final long start = System.nanoTime();
    private long done;
    private long lastPrint = start;

    Progress(String what, long total, PrintStream out) {
        this.what = what;
        this.total = total;
        this.out = out;
    }

    void step() {
        done++;
        long now = System.nanoTime();
        if (now - lastPrint >= EVERY_NANOS) {
            lastPrint = now;
            out.printf("%s: %d/%d (%.1f/s)%n", what, done, total, done / ((now - start) / 1e9));
        }
    }

    void done() {
        double secs = (System.nanoTime() - start) / 1e9;
        out.printf("%s: %d/%d in %.1f s%n", what, done, total, secs);
    }
}
