package io.newsstream.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
}
