package io.newsstream.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(3));

    @Test
    void shouldDoubleTheWaitWithJitterUpToTheCap() {
        assertThat(policy.delay(1, Optional.empty(), 0.0)).contains(Duration.ofMillis(500));
        assertThat(policy.delay(1, Optional.empty(), 0.999_999)).hasValueSatisfying(d -> assertThat(d).isBetween(
                Duration.ofMillis(999), Duration.ofSeconds(1)));
        assertThat(policy.delay(2, Optional.empty(), 0.0)).contains(Duration.ofSeconds(1));
        assertThat(policy.delay(3, Optional.empty(), 0.999_999)).hasValueSatisfying(d -> assertThat(d)
                .as("4 s capped at 3 s").isBetween(Duration.ofMillis(2999), Duration.ofSeconds(3)));
    }

    @Test
    void shouldStopAfterTheLastAttempt() {
        assertThat(policy.delay(4, Optional.empty(), 0.5)).isEmpty();
        assertThat(RetryPolicy.NONE.delay(1, Optional.empty(), 0.5)).isEmpty();
    }

    @Test
    void shouldWaitARetryAfterThatIsLongerButNotOneOverTheCap() {
        assertThat(policy.delay(1, Optional.of(Duration.ofSeconds(2)), 0.0)).contains(Duration.ofSeconds(2));
        assertThat(policy.delay(1, Optional.of(Duration.ofMillis(10)), 0.0)).contains(Duration.ofMillis(500));
        assertThat(policy.delay(1, Optional.of(Duration.ofSeconds(120)), 0.0)).as("give up, the next poll tries again").isEmpty();
    }

    @Test
    void shouldRefuseNonsense() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
