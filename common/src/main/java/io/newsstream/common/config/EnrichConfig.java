package io.newsstream.common.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of the enrich stage.
 *
 * @param applicationId     Kafka Streams application id ({@code enrich.application.id})
 * @param threads           stream threads ({@code enrich.threads}, default: the number of cores)
 * @param keepText          whether enriched records carry the text ({@code enrich.keep.text})
 * @param maxChars          longest text enriched; longer goes to the dead-letter topic ({@code enrich.max.chars})
 * @param stateDir          Kafka Streams state directory ({@code enrich.state.dir})
 * @param storyQuietPeriod  a story takes no new articles after this long without one ({@code enrich.story.quiet.period})
 * @param commitInterval    longest time between exactly-once commits while the stage is busy
 *                          and keeps up ({@code enrich.commit.interval}, default 100 ms as Kafka Streams' under exactly-once)
 * @param commitWhenIdle    a stream thread that has processed nothing for this long commits at once
 *                          ({@code enrich.commit.idle}, default 10 ms; {@code off}, as zero: only every commit interval)
 * @param commitBacklogInterval longest time between commits of a stream thread that has not been idle for
 *                          this long, i.e. that works through a backlog ({@code enrich.commit.backlog.interval},
 *                          default 1 s; at most the commit interval, or idle commits off: every commit interval
 *                          whatever the load)
 */
public record EnrichConfig(
        String applicationId,
        int threads,
        boolean keepText,
        int maxChars,
        Path stateDir,
        Duration storyQuietPeriod,
        Duration commitInterval,
        Duration commitWhenIdle,
        Duration commitBacklogInterval) {

    static EnrichConfig from(Settings s) {
        return new EnrichConfig(
                s.string("enrich.application.id", "newsstream-enrich"),
                s.positiveInt("enrich.threads", Runtime.getRuntime().availableProcessors()),
                s.bool("enrich.keep.text", true),
                s.positiveInt("enrich.max.chars", 200_000),
                Path.of(s.string("enrich.state.dir", Path.of(System.getProperty("java.io.tmpdir"), "newsstream", "enrich").toString())),
                s.duration("enrich.story.quiet.period", Duration.ofDays(3)),
                s.duration("enrich.commit.interval", Duration.ofMillis(100)),
                idleCommit(s),
                s.duration("enrich.commit.backlog.interval", Duration.ofSeconds(1)));
    }

    /**
     * Whether a stream thread in a backlog commits less often than one that keeps up: idle commits on and
     * a backlog interval longer than the commit interval.
     */
    public boolean pacesCommits() {
        return !commitWhenIdle.isZero() && commitBacklogInterval.compareTo(commitInterval) > 0;
    }

    /** Kafka Streams' {@code commit.interval.ms}: the backlog interval when commits are paced, else the commit interval. */
    public Duration streamsCommitInterval() {
        return pacesCommits() ? commitBacklogInterval : commitInterval;
    }

    /** {@code enrich.commit.idle}: 10 ms unless set; {@code off} is zero. */
    private static Duration idleCommit(Settings s) {
        return s.get("enrich.commit.idle").filter(v -> v.trim().equalsIgnoreCase("off")).isPresent()
                ? Duration.ZERO : s.duration("enrich.commit.idle", Duration.ofMillis(10));
    }
}
