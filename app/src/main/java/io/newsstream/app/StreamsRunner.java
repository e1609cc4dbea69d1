package io.newsstream.app;

import java.time.Duration;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;

/** Runs a Kafka Streams application in the foreground until SIGTERM/Ctrl-C or a fatal error. */
final class StreamsRunner {

    /** How long closing may take: the current transactions commit, state is flushed, the group is left. */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private StreamsRunner() {
    }

    /**
     * Starts {@code streams}, waits for SIGINT/SIGTERM (or the application to fail), then closes it
     * leaving the consumer group, so the group rebalances at once instead of waiting for this
     * member's session to time out, and a restarted instance gets its partitions back at once.
     *
     * @return 0 after a clean stop, 1 when the application died of an error
     */
    static int runUntilStopped(String stage, KafkaStreams streams) throws InterruptedException {
        try (StopSignal stop = StopSignal.install()) {
            streams.setUncaughtExceptionHandler(e -> {
                System.err.println(stage + ": stream thread failed: " + e);
                return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
            });
            streams.setStateListener((now, before) -> {
                System.err.println(stage + ": " + before + " -> " + now);
                if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
                    stop.request(now.name());
                }
            });
            streams.start();
            stop.await();
            boolean failed = streams.state() == KafkaStreams.State.ERROR;
            System.err.println(stage + ": " + stop.reason() + ", closing (leaving the group)");
            boolean closed = closeLeavingGroup(streams);
            System.err.println(stage + ": " + (closed ? "closed" : "not closed within " + CLOSE_TIMEOUT));
            return failed || !closed ? 1 : 0;
        }
    }

    /** Closes {@code streams} within {@link #CLOSE_TIMEOUT}, its stream threads leaving the consumer group. */
    static boolean closeLeavingGroup(KafkaStreams streams) {
        return streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(CLOSE_TIMEOUT));
    }
}
