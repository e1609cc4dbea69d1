package io.newsstream.enrich.sentiment;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Hand-run throughput measurement (not a test; no timed assertions anywhere): scores the seed articles
 * over and over on one thread and prints articles per second. Usage: {@code SentimentSpeedMain [seconds]}.
 */
public final class SentimentSpeedMain {
    private SentimentSpeedMain() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        List<String> texts;
        try (Stream<Path> files = Files.list(SentimentTestData.seedsDir())) {
            texts = files.sorted().map(p -> {
                try {
                    return Files.readString(p, StandardCharsets.UTF_8);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        long chars = texts.stream().mapToLong(String::length).sum();
        NewsSentimentScorer scorer = new NewsSentimentScorer();
        double sink = 0;
        for (int w = 0; w < 3; w++) {
            long end = System.nanoTime() + 2_000_000_000L;
            while (System.nanoTime() < end) {
                for (String t : texts) {
                    sink += scorer.score(null, t).document().score();
                }
            }
        }
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long n = 0;
        long cpuStart = cpu.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long stop = start + (long) (seconds * 1e9);
        while (System.nanoTime() < stop) {
            for (String t : texts) {
                sink += scorer.score(null, t).document().score();
                n++;
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (cpu.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        // CPU time as well as wall time: on a shared machine the thread does not have a core to itself.
        System.out.printf("%d articles in %.2f s wall / %.2f s CPU on one thread: %.0f articles/s wall, %.0f per"
                + " CPU-second (mean %d chars/article) [%s]%n", n, elapsed, cpuSeconds, n / elapsed, n / cpuSeconds,
                chars / texts.size(), sink != 0 ? "ok" : "?");
    }
}
