package io.newsstream.enrich.topology;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * Paces a task's exactly-once commits by its stream thread's load. Each commit costs the thread a producer
 * flush and two transaction round trips, during which it enriches nothing; committing often is what keeps
 * latency low, and committing rarely what lets a backlog drain fast. So:
 * <ul>
 *   <li>a thread that has processed nothing for {@code enrich.commit.idle} commits at once: a lightly loaded
 *       pipeline shows each article a few milliseconds after its enrichment instead of waiting out an
 *       interval;</li>
 *   <li>a busy thread that keeps up (it has been idle, even briefly, within the last
 *       {@code enrich.commit.backlog.interval}) commits every {@code enrich.commit.interval};</li>
 *   <li>a thread that has not been idle for {@code enrich.commit.backlog.interval} is working through a
 *       backlog (a restart after downtime, a backfill): it leaves the commits to Kafka Streams'
 *       {@code commit.interval.ms}, which the service sets to that longer interval, so the articles behind
 *       do not wait on a commit every {@code enrich.commit.interval}. Those articles have waited longer than
 *       the interval already, and they come out sooner for it.</li>
 * </ul>
 *
 * <p>Load is the thread's, not the task's: every task of the thread marks the thread's clock when it
 * finishes a record, so a task that is momentarily without input (the story task between commits) does
 * not commit while the thread's other tasks are busy. The check runs in a wall-clock punctuator of each
 * task, every {@code idle}; a commit it asks for ({@link ProcessorContext#commit()}) is taken by Kafka
 * Streams after the current loop, for all tasks of the thread.
 */
final class IdleCommit {

    private static final int LAST_WORK = 0;
    private static final int LAST_IDLE = 1;
    private static final int LAST_COMMIT = 2;
    private static final int STARTED = 3;

    /** The current stream thread's clock (System.nanoTime): when it last finished a record, was last seen idle, last asked for a commit. */
    private static final ThreadLocal<long[]> THREAD = ThreadLocal.withInitial(() -> new long[4]);

    private final Duration idle;
    private final Duration interval;
    private final Duration backlog;
    private final LongSupplier nanoTime;
    private ProcessorContext<?, ?> context;
    private boolean uncommitted;

    /** Idle commits only: a busy thread commits at Kafka Streams' {@code commit.interval.ms}. */
    IdleCommit(Duration idle) {
        this(idle, Duration.ZERO, Duration.ZERO, System::nanoTime);
    }

    /**
     * @param idle     how long the thread must have been without work to commit at once; zero turns pacing off
     *                 (Kafka Streams' {@code commit.interval.ms} alone)
     * @param interval longest time between commits of a thread that keeps up; zero: Kafka Streams' interval
     * @param backlog  a thread not idle for this long is working through a backlog and commits at Kafka
     *                 Streams' interval only
     */
    IdleCommit(Duration idle, Duration interval, Duration backlog) {
        this(idle, interval, backlog, System::nanoTime);
    }

    IdleCommit(Duration idle, Duration interval, Duration backlog, LongSupplier nanoTime) {
        this.idle = Objects.requireNonNull(idle, "idle");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.backlog = Objects.requireNonNull(backlog, "backlog");
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
        long now = nanoTime.getAsLong();
        clock(now)[LAST_WORK] = now;
    }

    /** Asks for a commit when this task has uncommitted work and its thread is idle, or keeps up and is due. */
    void check() {
        long now = nanoTime.getAsLong();
        long[] thread = clock(now);
        boolean idleNow = now - thread[LAST_WORK] >= idle.toNanos();
        if (idleNow) {
            thread[LAST_IDLE] = now;
        }
        if (!uncommitted) {
            return;
        }
        boolean due = !interval.isZero() && now - thread[LAST_COMMIT] >= interval.toNanos()
                && now - thread[LAST_IDLE] < backlog.toNanos();
        if (idleNow || due) {
            uncommitted = false;
            thread[LAST_COMMIT] = now;
            context.commit();
        }
    }

    private static long[] clock(long now) {
        long[] thread = THREAD.get();
        if (thread[STARTED] == 0) {
            thread[LAST_WORK] = now;
            thread[LAST_IDLE] = now;
            thread[LAST_COMMIT] = now;
            thread[STARTED] = 1;
        }
        return thread;
    }

    /** Forgets the current thread's clock (tests, which reuse one thread with clocks of their own). */
    static void forgetThread() {
        THREAD.remove();
    }
}
