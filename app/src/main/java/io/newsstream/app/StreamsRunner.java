package io.newsstream.app;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;

/** Runs a Kafka Streams application in the foreground until SIGTERM/Ctrl-C or a fatal error. */
final class StreamsRunner {

    private StreamsRunner() {
    }

    /** @return 0 after a clean stop, 1 when the application died of an error */
    static int runUntilStopped(String stage, KafkaStreams streams) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        streams.setUncaughtExceptionHandler(e -> {
            System.err.println(stage + ": stream thread failed: " + e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.setStateListener((now, before) -> {
            System.err.println(stage + ": " + before + " -> " + now);
            if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
                done.countDown();
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            streams.close(Duration.ofSeconds(30));
            done.countDown();
        }, stage + "-shutdown"));
        streams.start();
        done.await();
        return streams.state() == KafkaStreams.State.ERROR ? 1 : 0;
    }
}
