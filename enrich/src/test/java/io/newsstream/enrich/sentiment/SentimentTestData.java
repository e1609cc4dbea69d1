package io.newsstream.enrich.sentiment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Locates the seeds and reads the hand-labelled test material. */
final class SentimentTestData {
    /** A labelled short article from the test resources. */
    record Article(String id, String label, String title, String body) {
    }

    /** A labelled sentence from the test resources. */
    record Sentence(String label, String text) {
    }

    private SentimentTestData() {
    }

    /** The repository's {@code seeds/} folder: the nearest ancestor of the working directory holding one. */
    static Path seedsDir() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path seeds = dir.resolve("seeds");
            if (Files.isDirectory(seeds)) {
                return seeds;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no seeds/ folder above " + Path.of("").toAbsolutePath());
    }

    /** Non-blank, non-comment lines of a test resource. */
    static List<String> resourceLines(String resource) throws IOException {
        try (InputStream in = SentimentTestData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("test resource not found: " + resource);
            }
            List<String> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line);
                }
            }
            return out;
        }
    }

    static List<Sentence> sentences(String resource) throws IOException {
        List<Sentence> out = new ArrayList<>();
        for (String line : resourceLines(resource)) {
            String[] f = line.split("\t", 2);
            out.add(new Sentence(f[0], f[1]));
        }
        return out;
    }

    static List<Article> articles(String resource) throws IOException {
        List<Article> out = new ArrayList<>();
        String id = null;
        String label = null;
        String title = null;
        StringBuilder body = new StringBuilder();
        for (String line : resourceLines(resource)) {
            if (line.startsWith("=== ")) {
                if (id != null) {
                    out.add(new Article(id, label, title, body.toString().strip()));
                }
                String[] f = line.substring(4).trim().split("\\s+");
                id = f[0];
                label = f[1];
                title = null;
                body.setLength(0);
            } else if (line.startsWith("title: ")) {
                title = line.substring(7).strip();
            } else {
                body.append(line).append('\n');
            }
        }
        if (id != null) {
            out.add(new Article(id, label, title, body.toString().strip()));
        }
        return out;
    }
}
