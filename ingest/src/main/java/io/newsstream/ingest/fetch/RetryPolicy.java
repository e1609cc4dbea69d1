package io.newsstream.ingest.fetch;

import java.time.Duration;
import java.util.Optional;

/**
 * How often a failure that may pass on its own ({@link FetchException#retryable()}) is tried again, and how
 * long to wait before each retry: exponential backoff from {@code base} (doubling per attempt) with jitter
 * (a random half to whole of that step, so that many clients do not retry in step), never more than
 * {@code cap}. A server's {@code Retry-After} is waited instead when it is longer; one longer than
 * {@code cap} is not waited for: the fetch gives up and the next poll tries again.
 *
 * @param attempts tries in all, at least 1 (1: no retry)
 */
public record RetryPolicy(int attempts, Duration base, Duration cap) {

    /** Three attempts, 1 s then 2 s (each with jitter), at most 30 s, also for a server's Retry-After. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30));
    /** One attempt. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
        }
        if (base.isNegative() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("need 0 <= base <= cap, got " + base + " and " + cap);
        }
    }

    /**
     * The wait before the attempt after {@code failedAttempt} (1 for the first), or empty when no retry is due:
     * the attempts are used up, or the server asks for a longer wait than {@link #cap()}.
     *
     * @param random a number in [0, 1) for the jitter
     */
    public Optional<Duration> delay(int failedAttempt, Optional<Duration> retryAfter, double random) {
        if (failedAttempt >= attempts) {
            return Optional.empty();
        }
        if (retryAfter.isPresent() && retryAfter.get().compareTo(cap) > 0) {
            return Optional.empty();
        }
        long step = base.toNanos() << Math.min(failedAttempt - 1, 20);
        long capped = Math.min(step < 0 ? Long.MAX_VALUE : step, cap.toNanos());
        long jittered = (long) (capped * (0.5 + 0.5 * random));
        long wait = Math.max(jittered, retryAfter.map(Duration::toNanos).orElse(0L));
        return Optional.of(Duration.ofNanos(Math.min(wait, cap.toNanos())));
    }
}
