package io.newsstream.common.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of the sink stage.
 *
 * @param applicationId Kafka Streams application id ({@code sink.application.id})
 * @param threads       stream threads ({@code sink.threads})
 * @param window        size of the entity-count windows ({@code sink.window}, default 1h)
 * @param grace         how late an article may arrive and still count in its window ({@code sink.window.grace})
 * @param stateDir      Kafka Streams state directory ({@code sink.state.dir})
 */
public record SinkConfig(String applicationId, int threads, Duration window, Duration grace, Path stateDir) {

    static SinkConfig from(Settings s) {
        return new SinkConfig(
                s.string("sink.application.id", "newsstream-sink"),
                s.positiveInt("sink.threads", 1),
                s.duration("sink.window", Duration.ofHours(1)),
                s.duration("sink.window.grace", Duration.ofHours(24)),
                Path.of(s.string("sink.state.dir", Path.of(System.getProperty("java.io.tmpdir"), "newsstream", "sink").toString())));
    }
}
