package io.newsstream.enrich.topology;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * Commits a task's work as soon as its stream thread goes idle, so that commits follow the load: a thread
 * that keeps finding records commits every {@code enrich.commit.interval} (Kafka Streams'
 * {@code commit.interval.ms}), so a backlog is not slowed by more commits (a producer flush and two
 * transaction round trips, each blocking the thread); a thread that has processed nothing for
 * {@code enrich.commit.idle} commits at once, so a lightly loaded pipeline shows each article a few
 * milliseconds after its enrichment instead of waiting out the interval.
 *
 * <p>Idleness is the thread's, not the task's: every task of the thread marks the thread's clock when it
 * finishes a record, so a task that is momentarily without input (the story task between commits) does
 * not commit while the thread's other tasks are busy. The check runs in a wall-clock punctuator of each
 * task, every {@code idle}; a commit it asks for ({@link ProcessorContext#commit()}) is taken by Kafka
 * Streams after the current loop, for all tasks of the thread.
 */
final class IdleCommit {

    /** When the current stream thread last finished a record (System.nanoTime). */
    private static final ThreadLocal<long[]> LAST_WORK = ThreadLocal.withInitial(() -> new long[1]);

    private final Duration idle;
    private final LongSupplier nanoTime;
    private ProcessorContext<?, ?> context;
    private boolean uncommitted;

    /** @param idle how long the thread must have been without work; zero turns idle commits off */
    IdleCommit(Duration idle) {
        this(idle, System::nanoTime);
    }

    IdleCommit(Duration idle, LongSupplier nanoTime) {
        this.idle = Objects.requireNonNull(idle, "idle");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /** Schedules the check in the task of {@code context} (nothing when idle commits are off). */
    void init(ProcessorContext<?, ?> context) {
        this.context = context;
        if (!idle.isZero()) {
            context.schedule(idle, PunctuationType.WALL_CLOCK_TIME, now -> check());
        }
    }

    /** Marks that this task finished a record on the current thread, which is therefore busy now. */
    void worked() {
        uncommitted = true;
        LAST_WORK.get()[0] = nanoTime.getAsLong();
    }

    /** Asks for a commit when this task has uncommitted work and its thread has been idle long enough. */
    void check() {
        if (uncommitted && nanoTime.getAsLong() - LAST_WORK.get()[0] >= idle.toNanos()) {
            uncommitted = false;
            context.commit();
        }
    }
}
