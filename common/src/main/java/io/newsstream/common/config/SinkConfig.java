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
 * @param windowOnPublished whether windows use the publication time ({@code sink.window.time=published})
 *                      rather than the ingestion time ({@code ingested}, the default, never drops late articles)
 * @param storyRetention how long a story's running totals are kept after its latest article's ingest time
 *                      ({@code sink.story.retention}, default 7d or the quiet period when that is longer; at
 *                      least {@code enrich.story.quiet.period}, after which a story takes no more articles);
 *                      its last summary stays on the topic
 */
public record SinkConfig(String applicationId, int threads, Duration window, Duration grace, Path stateDir,
                         boolean windowOnPublished, Duration storyRetention) {

    static SinkConfig from(Settings s) {
        return new SinkConfig(
                s.string("sink.application.id", "newsstream-sink"),
                s.positiveInt("sink.threads", 1),
                s.duration("sink.window", Duration.ofHours(1)),
                s.duration("sink.window.grace", Duration.ofHours(24)),
                Path.of(s.string("sink.state.dir", Path.of(System.getProperty("java.io.tmpdir"), "newsstream", "sink").toString())),
                windowTime(s),
                s.duration("sink.story.retention", Duration.ofDays(7)));
    }

    private static boolean windowTime(Settings s) {
        String v = s.string("sink.window.time", "ingested");
        return switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "ingested" -> false;
            case "published" -> true;
            default -> throw new ConfigException("setting 'sink.window.time' must be 'ingested' or 'published', got '" + v + "'");
        };
    }
}
