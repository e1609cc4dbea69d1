package io.newsstream.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsstream.common.model.EntityType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InMemoryEntityDirectoryTest {

    @Test
    void shouldResolveAShortFormOnlyWhenOneNameDominates() {
        InMemoryEntityDirectory directory = new InMemoryEntityDirectory();
        directory.learn(EntityType.PERSON, "Weber", "Anna Weber");
        assertThat(directory.resolve(EntityType.PERSON, "weber")).contains("Anna Weber");

        directory.learn(EntityType.PERSON, "Weber", "Paul Weber");
        assertThat(directory.resolve(EntityType.PERSON, "Weber")).isEmpty();

        directory.learn(EntityType.PERSON, "Weber", "Paul Weber");
        directory.learn(EntityType.PERSON, "Weber", "Paul Weber");
        assertThat(directory.resolve(EntityType.PERSON, "Weber")).contains("Paul Weber");
    }

    @Test
    void shouldKeepTypesApart() {
        InMemoryEntityDirectory directory = new InMemoryEntityDirectory();
        directory.learn(EntityType.ORGANIZATION, "NFC", "Northwind Freight Corporation");
        assertThat(directory.resolve(EntityType.PERSON, "NFC")).isEmpty();
    }

    @Test
    void shouldForgetTheLeastRecentlyUsedBeyondItsBound() {
        InMemoryEntityDirectory directory = new InMemoryEntityDirectory(2);
        directory.learn(EntityType.PERSON, "Alpha", "Ann Alpha");
        directory.learn(EntityType.PERSON, "Beta", "Bo Beta");
        directory.resolve(EntityType.PERSON, "Alpha");
        directory.learn(EntityType.PERSON, "Gamma", "Gil Gamma");

        assertThat(directory.size()).isEqualTo(2);
        assertThat(directory.resolve(EntityType.PERSON, "Beta")).isEmpty();
        assertThat(directory.resolve(EntityType.PERSON, "Alpha")).contains("Ann Alpha");
    }

    @Test
    void shouldRejectANonPositiveBound() {
        assertThatThrownBy(() -> new InMemoryEntityDirectory(0)).hasMessageContaining("maxShortForms");
    }

    @Test
    void shouldStayConsistentUnderConcurrentUse() throws InterruptedException {
        InMemoryEntityDirectory directory = new InMemoryEntityDirectory(1_000);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            pool.submit(() -> {
                for (int i = 0; i < 5_000; i++) {
                    directory.learn(EntityType.PERSON, "Name" + (i % 2_000), "First Name" + (i % 2_000));
                    directory.resolve(EntityType.PERSON, "Name" + (i % 1_500));
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(directory.size()).isEqualTo(1_000);
    }
}
