package io.newsstream.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StageMetricsTest {

    @Test
    void shouldRenderCountersByLabelAndHistogramsCumulatively() {
        StageMetrics m = new StageMetrics();
        m.articleIn("enrich");
        m.articleIn("enrich");
        m.deadLetter("enrich", "io.newsstream.enrich.RejectedArticleException");
        m.enrichmentTime(3_000_000);   // 3 ms
        m.enrichmentTime(700_000_000); // 0.7 s

        StringBuilder out = new StringBuilder();
        m.render(out);

        assertThat(out.toString()).contains(
                "# TYPE newsstream_articles_in_total counter\nnewsstream_articles_in_total{stage=\"enrich\"} 2\n",
                "newsstream_deadletters_total{stage=\"enrich\",reason=\"RejectedArticleException\"} 1\n",
                "# TYPE newsstream_enrichment_seconds histogram\n",
                "newsstream_enrichment_seconds_bucket{le=\"0.001\"} 0\n",
                "newsstream_enrichment_seconds_bucket{le=\"0.005\"} 1\n",
                "newsstream_enrichment_seconds_bucket{le=\"1.0\"} 2\n",
                "newsstream_enrichment_seconds_bucket{le=\"+Inf\"} 2\n",
                "newsstream_enrichment_seconds_count 2\n");
        assertThat(m.counter("newsstream_articles_in_total{stage=\"enrich\"}")).isEqualTo(2);
    }
}
