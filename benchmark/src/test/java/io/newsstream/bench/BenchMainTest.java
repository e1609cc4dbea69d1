package io.newsstream.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchMainTest {

    @Test
    void shouldMeasureEnrichWithTheCollectorFlagsComposeGivesIt() throws Exception {
        // The bench measures enrich as users run it: the flags must not drift from docker-compose.yml's.
        String enrichOptions = Files.readAllLines(Path.of("..", "docker-compose.yml")).stream()
                .filter(line -> line.contains("JAVA_TOOL_OPTIONS:") && line.contains("-Xmx1g"))
                .findFirst().orElseThrow();
        assertThat(BenchMain.ENRICH_GC_OPTIONS).isNotEmpty().allSatisfy(flag -> assertThat(enrichOptions).contains(flag));
    }

    @Test
    void shouldWriteTheMethodAsAListNotACodeBlock() {
        // BENCHMARKS.md renders a line indented by four spaces or more as code: the method's
        // bullets and their continuation lines must stay within two.
        assertThat(BenchMain.METHOD.lines()).isNotEmpty()
                .allSatisfy(line -> assertThat(line).doesNotStartWith("    "));
        assertThat(BenchMain.METHOD.lines().filter(line -> line.startsWith("- **"))).hasSizeGreaterThan(5);
    }

    @Test
    void shouldSayTheCoresARunKeptBusyOnlyWhenBothSidesWereMeasured() {
        assertThat(BenchMain.cores(Map.of("workerCores", 1.534, "benchCores", 0.4)))
                .isEqualTo("; cores busy: enrich 1.53, broker and driver 0.40");
        assertThat(BenchMain.cores(Map.of("workerCores", 1.5))).isEmpty();
    }

    @Test
    void shouldSayEachStreamThreadsCpuAndWhichTasksItRan() {
        Map<String, Object> run = Map.of("streamThreads", List.of(
                Map.of("name", "t-1", "tasks", List.of("0_0", "0_2", "1_0"), "cpuMillis", 2608),
                Map.of("name", "t-2", "tasks", List.of("0_1"), "cpuMillis", 2401)));
        assertThat(BenchMain.streamThreads(run))
                .isEqualTo("; stream threads' CPU: 2.6 s (2 raw partitions + story step), 2.4 s (1 raw partition)");
        // one thread has nothing to compare
        assertThat(BenchMain.streamThreads(Map.of("streamThreads", List.of(Map.of("tasks", List.of("0_0"), "cpuMillis", 1))))).isEmpty();
        assertThat(BenchMain.streamThreads(Map.of())).isEmpty();
    }

    @Test
    void shouldGiveTheSecondEnrichJvmAFlightRecordingOfItsOwn() {
        assertThat(BenchMain.secondWorkerOptions(List.of("-Xmx1g", "-XX:StartFlightRecording=filename=bench-out/enrich.jfr")))
                .containsExactly("-Xmx1g", "-XX:StartFlightRecording=filename=bench-out/enrich-second.jfr");
    }
}
