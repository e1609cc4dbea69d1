package io.newsstream.ingest.read;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the seed articles: the repository root is the nearest folder upwards that holds {@code seeds/}. */
final class Seeds {

    private Seeds() {
    }

    static Path dir() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            if (Files.isDirectory(p.resolve("seeds"))) {
                return p.resolve("seeds");
            }
            p = p.getParent();
        }
        throw new IllegalStateException("no seeds/ folder above " + Path.of("").toAbsolutePath());
    }
}
