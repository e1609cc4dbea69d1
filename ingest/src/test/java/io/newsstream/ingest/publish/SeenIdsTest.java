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

    @Test
    void shouldKeepExactlyTheNewestIdsThroughManyEvictionsAndRemovals() {
        int capacity = 1_000;
        SeenIds seen = new SeenIds(capacity);
        java.util.Random random = new java.util.Random(42);
        java.util.LinkedHashSet<String> model = new java.util.LinkedHashSet<>();

        for (int i = 0; i < 50_000; i++) {
            String id = "id-" + random.nextInt(3_000);
            if (random.nextInt(10) == 0) {
                seen.remove(id);
                model.remove(id);
                continue;
            }
            boolean isNew = !model.contains(id);
            assertThat(seen.add(id)).as("add %s at step %d", id, i).isEqualTo(isNew);
            if (isNew) {
                model.add(id);
            }
            while (model.size() > capacity) {
                model.remove(model.iterator().next());
            }
        }

        // every id the model still holds is known; the size never passes the capacity
        assertThat(seen.size()).isLessThanOrEqualTo(capacity);
        model.forEach(id -> assertThat(seen.contains(id)).as(id).isTrue());
    }
}
