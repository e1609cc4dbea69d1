package io.newsstream.enrich.entities;

import io.newsstream.enrich.eval.LabelledCorpus;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the repository's seeds and the shared gold file from a test (the entity and story tests alike). */
public final class SeedFiles {

    private SeedFiles() {
    }

    /** The repository root: the nearest directory above the working directory holding {@code seeds/}. */
    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("seeds"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no seeds/ directory above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    public static Path seeds() {
        return root().resolve("seeds");
    }

    /** The shared data folder ({@code NEWSSTREAM_SHARED}, else {@code <root>/../shared}), as {@link LabelledCorpus#shared} finds it. */
    public static Path shared() {
        return LabelledCorpus.shared(root());
    }

    /** {@code <shared>/gold/seeds-entities.json}, or the {@code newsstream.gold} system property. */
    public static Path gold() {
        String override = System.getProperty("newsstream.gold");
        return override != null ? Path.of(override) : shared().resolve("gold/seeds-entities.json");
    }

    /** A corpus folder of {@code <shared>/corpora}, e.g. {@code news}. */
    public static Path corpus(String name) {
        return shared().resolve("corpora").resolve(name);
    }
}
