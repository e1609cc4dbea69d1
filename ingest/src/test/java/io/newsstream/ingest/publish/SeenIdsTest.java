package io.newsstream.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SeenIdsTest {

    @Test
    void shouldSayAnIdIsNewOnlyTheFirstTime() {
        SeenIds seen = new SeenIds();

        assertThat(seen.add("a")).isTrue();
        assertThat(seen.add("a")).isFalse();
        assertThat(seen.add("b")).isTrue();
        assertThat(seen.size()).isEqualTo(2);
    }

    @Test
    void shouldForgetARemovedIdSoAFailedPublishCanBeRetried() {
        SeenIds seen = new SeenIds();
        seen.add("a");

        seen.remove("a");

        assertThat(seen.contains("a")).isFalse();
        assertThat(seen.add("a")).isTrue();
    }

    @Test
    void shouldForgetTheOldestIdsPastItsCapacity() {
        SeenIds seen = new SeenIds(3);
        seen.addAll(List.of("a", "b", "c"));

        seen.add("d");

        assertThat(seen.size()).isEqualTo(3);
        assertThat(seen.contains("a")).isFalse();
        assertThat(seen.contains("b")).isTrue();
        assertThat(seen.contains("d")).isTrue();
    }
}
