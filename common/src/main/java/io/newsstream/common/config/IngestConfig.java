package io.newsstream.common.config;

import java.time.Duration;
import java.util.Optional;

/**
 * Settings of the ingest stage.
 *
 * @param maxChars        longest article text accepted, in characters ({@code ingest.max.chars})
 * @param httpBind        address the HTTP endpoint binds to ({@code ingest.http.bind})
 * @param httpPort        port of the HTTP endpoint ({@code ingest.http.port})
 * @param httpToken       bearer token the HTTP endpoint requires, if set ({@code ingest.http.token})
 * @param httpMaxBytes    largest request body accepted ({@code ingest.http.max.bytes})
 * @param httpRatePerSec  requests per second accepted before 429 ({@code ingest.http.rate})
 * @param dedupeLookback  how far back ingest looks on the raw topic for ids it already published
 *                        ({@code ingest.dedupe.lookback})
 */
public record IngestConfig(
        int maxChars,
        String httpBind,
        int httpPort,
        Optional<String> httpToken,
        int httpMaxBytes,
        int httpRatePerSec,
        Duration dedupeLookback) {

    static IngestConfig from(Settings s) {
        return new IngestConfig(
                s.positiveInt("ingest.max.chars", 200_000),
                s.string("ingest.http.bind", "127.0.0.1"),
                s.port("ingest.http.port", 8080),
                s.get("ingest.http.token"),
                s.positiveInt("ingest.http.max.bytes", 2 * 1024 * 1024),
                s.positiveInt("ingest.http.rate", 50),
                s.duration("ingest.dedupe.lookback", Duration.ofDays(7)));
    }
}
