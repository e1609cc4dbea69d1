package io.newsstream.enrich.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.junit.jupiter.api.Test;

class IdleCommitTest {

    private static final long MS = 1_000_000L;

    private final AtomicLong clock = new AtomicLong(1_000 * MS);

    @Test
    void commitsOnceTheThreadHasBeenIdleLongEnough() {
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
        IdleCommit commit = new IdleCommit(Duration.ofMillis(10), clock::get);
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
        IdleCommit stories = new IdleCommit(Duration.ofMillis(10), clock::get);
        stories.init(storyTask);
        IdleCommit raw = new IdleCommit(Duration.ofMillis(10), clock::get);
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
        IdleCommit commit = new IdleCommit(Duration.ZERO, clock::get);
        commit.init(context);
        assertTrue(context.scheduledPunctuators().isEmpty());
    }
}
