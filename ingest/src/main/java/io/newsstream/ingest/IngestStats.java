package io.newsstream.ingest;

import java.util.concurrent.atomic.AtomicLong;

/** Running counts of one ingest process, updated from any thread. */
public final class IngestStats {

    private final AtomicLong files = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    /**
     * A consistent-enough snapshot for reporting.
     *
     * @param files      inputs finished (files, or lines of a stream)
     * @param published  articles written
     * @param duplicates articles skipped because their id was published before
     * @param rejected   inputs that were not articles
     * @param failed     articles that could not be written
     */
    public record Totals(long files, long published, long duplicates, long rejected, long failed) {

        /** "published N, skipped M duplicates, rejected K" (and ", failed F" when any failed). */
        public String summary() {
            return "published " + published + ", skipped " + duplicates + " duplicate" + (duplicates == 1 ? "" : "s")
                    + ", rejected " + rejected + (failed > 0 ? ", failed " + failed : "");
        }
    }

    void fileDone() {
        files.incrementAndGet();
    }

    void published() {
        published.incrementAndGet();
    }

    void duplicate() {
        duplicates.incrementAndGet();
    }

    void rejected() {
        rejected.incrementAndGet();
    }

    void failed() {
        failed.incrementAndGet();
    }

    public Totals totals() {
        return new Totals(files.get(), published.get(), duplicates.get(), rejected.get(), failed.get());
    }
}
