package io.newsstream.ingest.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

class FolderWatcherTest {

    private static final long WAIT_SECONDS = 10;

    private final BlockingQueue<Path> handed = new LinkedBlockingQueue<>();

    private Thread start(FolderWatcher watcher) {
        Thread t = new Thread(() -> {
            try {
                watcher.run();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, "watcher-test");
        t.start();
        return t;
    }

    @ParameterizedTest(name = "polling={0}")
    @ValueSource(booleans = {false, true})
    void shouldHandExistingFilesThenNewOnesOnceEach(boolean polling, @TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("b.txt"), "existing b");
        Files.writeString(dir.resolve("a.json"), "{}");
        Files.writeString(dir.resolve("ignored.md"), "not an article");
        FolderWatcher watcher = new FolderWatcher(dir, handed::add, Duration.ofMillis(100), Duration.ofMillis(100), polling);
        Thread t = start(watcher);
        try {
            assertThat(handed.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(dir.resolve("a.json"));
            assertThat(handed.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(dir.resolve("b.txt"));

            Files.createDirectories(dir.resolve("sub"));
            Path added = dir.resolve("sub/new.jsonl");
            Files.writeString(added, "{\"text\": \"first half");
            Files.writeString(added, "{\"text\": \"first half, second half\"}\n");

            assertThat(handed.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(added);
            assertThat(handed.poll(500, TimeUnit.MILLISECONDS)).as("handed over again").isNull();
            assertThat(watcher.isPolling()).isEqualTo(polling);
        } finally {
            watcher.close();
            t.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        }
        assertThat(t.isAlive()).as("watcher still running after close").isFalse();
    }
}
