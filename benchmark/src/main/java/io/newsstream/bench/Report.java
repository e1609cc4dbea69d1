package io.newsstream.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The bench's one table, rendered as markdown, and the BENCHMARKS.md file around it. */
final class Report {

    /** The verdict of a row with a bar. */
    enum Verdict { PASS, FAIL }

    private record Row(String measure, String result, String bar, Verdict verdict) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /** A row without a bar. */
    void add(String measure, String result) {
        rows.add(new Row(measure, result, "", null));
    }

    /** A row measured against {@code bar}. */
    void add(String measure, String result, String bar, boolean pass) {
        rows.add(new Row(measure, result, bar, pass ? Verdict.PASS : Verdict.FAIL));
    }

    /** Appends the rows and notes of {@code other} (a step measured apart). */
    void addAll(Report other) {
        rows.addAll(other.rows);
        notes.addAll(other.notes);
    }

    /** A line printed under the table. */
    void note(String note) {
        notes.add(note);
    }

    /** How many rows failed their bar. */
    long failures() {
        return rows.stream().filter(r -> r.verdict() == Verdict.FAIL).count();
    }

    /** The table, with its notes below. */
    String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("| Measure | Result | Bar | Verdict |\n");
        b.append("|---|---|---|---|\n");
        for (Row r : rows) {
            b.append("| ").append(r.measure()).append(" | ").append(r.result()).append(" | ").append(r.bar())
                    .append(" | ").append(r.verdict() == null ? "" : r.verdict().name()).append(" |\n");
        }
        if (!notes.isEmpty()) {
            b.append('\n');
            for (String n : notes) {
                b.append("- ").append(n).append('\n');
            }
        }
        return b.toString();
    }

    /** Writes {@code file}: the run's machine and command, the table, and how each figure is measured. */
    void write(Path file, Machine machine, String command, String loadAtEnd, String method) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("# Benchmarks\n\n");
        b.append("Written by `./bench --write BENCHMARKS.md` (the bench module; `./bench --help` for its options). ")
                .append("Every figure below was measured by the run described here; run it again on your machine to compare.\n\n");
        b.append("## Latest run\n\n");
        b.append("- Date: ").append(machine.date()).append('\n');
        b.append("- Command: `").append(command).append("`\n");
        b.append("- Machine: ").append(machine.describe()).append('\n');
        b.append("- Load average (1, 5, 15 min) at start: ").append(machine.loadAtStart())
                .append("; at end: ").append(loadAtEnd).append('\n');
        if (machine.busy()) {
            b.append("- Note: the machine was busy at the start (1-minute load ").append(machine.loadAtStart().split(" ")[0])
                    .append(" on ").append(machine.cores()).append(" cores): other work shared the CPU, so the figures are low ")
                    .append("and the ratios noisier than on an idle machine.\n");
        }
        // the last steps keep every core busy themselves, so only load beyond that is other work
        if (!machine.busy() && Machine.busy(loadAtEnd, machine.cores(), machine.cores())) {
            b.append("- Note: the machine became busy during the run (1-minute load ").append(loadAtEnd.split(" ")[0])
                    .append(" at the end on ").append(machine.cores()).append(" cores, beyond the bench's own load of about one per core): ")
                    .append("other work shared the CPU in the later ")
                    .append("(end-to-end) steps, so their figures are low and their ratios to the per-thread figures, ")
                    .append("measured earlier, pessimistic.\n");
        }
        b.append('\n').append(markdown()).append('\n');
        b.append("## How it is measured\n\n").append(method);
        Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
    }

    /** {@code 1234.5} as {@code 1,234.5}, or n/a. */
    static String num(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, v >= 100 ? "%,.0f" : "%,.1f", v);
    }
}
