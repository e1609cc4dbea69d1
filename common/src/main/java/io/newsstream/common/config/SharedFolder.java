package io.newsstream.common.config;

import java.nio.file.Path;

/**
 * Where the shared evaluation data lives (corpora, gold files, benchmarks): never in the repository, but
 * beside it. Tests, {@code eval} and the bench all find it here, so one rule serves them all.
 */
public final class SharedFolder {

    private SharedFolder() {
    }

    /** {@code NEWSSTREAM_SHARED} (or system property {@code newsstream.shared}), else {@code <repoRoot>/../shared}. */
    public static Path resolve(Path repoRoot) {
        String p = System.getProperty("newsstream.shared");
        if (p == null || p.isBlank()) {
            p = System.getenv("NEWSSTREAM_SHARED");
        }
        return p != null && !p.isBlank() ? Path.of(p).toAbsolutePath().normalize()
                : repoRoot.toAbsolutePath().resolve("../shared").normalize();
    }
}
