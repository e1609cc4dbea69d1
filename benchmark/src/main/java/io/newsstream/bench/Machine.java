package io.newsstream.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What the bench ran on: cores, memory, JVM, the load average when it started and the date.
 *
 * @param cores       processors the JVM sees
 * @param memoryGiB   physical memory, or NaN when unknown
 * @param jvm         JVM name and version
 * @param loadAtStart 1, 5 and 15 minute load averages, or "unknown"
 * @param date        when the run started
 */
record Machine(int cores, double memoryGiB, String jvm, String loadAtStart, String date) {

    /** A 1-minute load above this per core means other work shared the CPU during the run. */
    static final double BUSY_LOAD_PER_CORE = 0.75;

    static Machine current() {
        return new Machine(Runtime.getRuntime().availableProcessors(), readMemoryGiB(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                loadAverageNow(), ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT)));
    }

    /** The 1, 5 and 15 minute load averages from {@code /proc/loadavg}, or "unknown" off Linux. */
    static String loadAverageNow() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static double readMemoryGiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1048576.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: say unknown
        }
        return Double.NaN;
    }

    /** Whether the 1-minute load at the start says other work was running. */
    boolean busy() {
        return busy(loadAtStart, cores);
    }

    /** Whether {@code loadAverage} (as {@link #loadAverageNow()} gives it) says other work was running. */
    static boolean busy(String loadAverage, int cores) {
        return busy(loadAverage, cores, 0);
    }

    /** As {@link #busy(String, int)}, not counting {@code ownLoad} that the bench itself put on the machine. */
    static boolean busy(String loadAverage, int cores, double ownLoad) {
        try {
            return Double.parseDouble(loadAverage.split(" ")[0]) - ownLoad > BUSY_LOAD_PER_CORE * cores;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    String describe() {
        String mem = Double.isNaN(memoryGiB) ? "unknown memory" : String.format(Locale.ROOT, "%.1f GiB memory", memoryGiB);
        return cores + " cores, " + mem + ", " + jvm + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch");
    }
}
