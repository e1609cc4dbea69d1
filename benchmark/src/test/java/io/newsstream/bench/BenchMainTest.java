package io.newsstream.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
}
