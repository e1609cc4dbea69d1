package io.newsstream.enrich.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IdleCommitTest {

    private static final long MS = 1_000_000L;

    private final AtomicLong clock = new AtomicLong(1_000 * MS);

    @BeforeEach
    void freshThreadClock() {
        IdleCommit.forgetThread();
    }

    @Test
    void commitsOnceTheThreadHasBeenIdleLongEnough() {
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
        IdleCommit commit = new IdleCommit(Duration.ofMillis(10), Duration.ZERO, Duration.ZERO, clock::get);
        commit.init(context);
        assertEquals(1, context.scheduledPunctuators().size());
        MockProcessorContext.CapturedPunctuator punctuator = context.scheduledPunctuators().get(0);
        assertEquals(PunctuationType.WALL_CLOCK_TIME, punctuator.getType());
        assertEquals(Duration.ofMillis(10), punctuator.getInterval());

        punctuator.getPunctuator().punctuate(0);
        assertFalse(context.committed(), "nothing processed: nothing to commit");

        commit.worked();
        clock.addAndGet(4 * MS);
        punctuator.getPunctuator().punctuate(0);
        assertFalse(context.committed(), "the thread worked 4 ms ago: still busy");

        clock.addAndGet(6 * MS);
        punctuator.getPunctuator().punctuate(0);
        assertTrue(context.committed(), "idle for 10 ms with work done: commit");

        context.resetCommit();
        clock.addAndGet(50 * MS);
        punctuator.getPunctuator().punctuate(0);
        assertFalse(context.committed(), "already asked for this work");
    }

    @Test
    void aTaskWithoutInputDoesNotCommitWhileItsThreadIsBusyWithAnother() {
        MockProcessorContext<Object, Object> storyTask = new MockProcessorContext<>();
        IdleCommit stories = new IdleCommit(Duration.ofMillis(10), Duration.ZERO, Duration.ZERO, clock::get);
        stories.init(storyTask);
        IdleCommit raw = new IdleCommit(Duration.ofMillis(10), Duration.ZERO, Duration.ZERO, clock::get);
        raw.init(new MockProcessorContext<>());

        stories.worked();
        for (int i = 0; i < 5; i++) {
            clock.addAndGet(8 * MS);
            raw.worked(); // the same thread enriches another task's records
            stories.check();
            assertFalse(storyTask.committed(), "the thread is busy: no commit after " + (i + 1) + " records");
        }
        clock.addAndGet(10 * MS);
        stories.check();
        assertTrue(storyTask.committed());
    }

    @Test
    void zeroTurnsItOff() {
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
        IdleCommit commit = new IdleCommit(Duration.ZERO, Duration.ZERO, Duration.ZERO, clock::get);
        commit.init(context);
        assertTrue(context.scheduledPunctuators().isEmpty());
    }

    @Test
    void aBusyThreadThatKeepsUpCommitsEveryInterval() {
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
        IdleCommit commit = new IdleCommit(Duration.ofMillis(10), Duration.ofMillis(100), Duration.ofSeconds(1), clock::get);
        commit.init(context);
        commit.check(); // the thread starts idle
        int commits = 0;
        // 25 ms records back to back, with a 12 ms gap after every 8th: busy, but never a second without a pause
        for (int i = 1; i <= 80; i++) {
            clock.addAndGet(25 * MS);
            commit.worked();
            commit.check();
            if (i % 8 == 0) {
                clock.addAndGet(12 * MS);
                commit.check(); // idle: commits at once
            }
            if (context.committed()) {
                commits++;
                context.resetCommit();
            }
        }
        // 80 records, 2.1 s: 10 idle commits, and between them commits every 100 ms
        assertTrue(commits >= 18 && commits <= 30, "commits: " + commits);
    }

    @Test
    void aThreadInABacklogLeavesCommitsToKafkaStreams() {
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
        IdleCommit commit = new IdleCommit(Duration.ofMillis(10), Duration.ofMillis(100), Duration.ofSeconds(1), clock::get);
        commit.init(context);
        commit.check();
        int firstSecond = 0;
        int after = 0;
        for (int i = 1; i <= 200; i++) { // 5 s of 25 ms records, no pause
            clock.addAndGet(25 * MS);
            commit.worked();
            commit.check();
            if (context.committed()) {
                if (i * 25 < 1_000) {
                    firstSecond++;
                } else {
                    after++;
                }
                context.resetCommit();
            }
        }
        assertTrue(firstSecond >= 8, "keeps up at first: every 100 ms, " + firstSecond);
        assertEquals(0, after, "no pause for a second: a backlog, committed by Kafka Streams' interval");

        clock.addAndGet(10 * MS);
        commit.check();
        assertTrue(context.committed(), "the backlog is done when the thread goes idle: commit at once");
        context.resetCommit();
        for (int i = 1; i <= 8; i++) {
            clock.addAndGet(25 * MS);
            commit.worked();
            commit.check();
        }
        assertTrue(context.committed(), "after a pause the thread keeps up again: commits every 100 ms");
    }

    @Test
    void withoutAnIntervalOnlyIdleCommits() {
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
        IdleCommit commit = new IdleCommit(Duration.ofMillis(10), Duration.ZERO, Duration.ZERO, clock::get);
        commit.init(context);
        for (int i = 0; i < 20; i++) {
            clock.addAndGet(25 * MS);
            commit.worked();
            commit.check();
        }
        assertFalse(context.committed(), "busy: Kafka Streams' interval commits");
    }
}
