package io.newsstream.enrich.topology;

import io.newsstream.common.model.EnrichedArticle;

/** What became of one raw record: enriched, or failed with its original bytes kept for the dead-letter topic. */
sealed interface EnrichOutcome {

    /** Enriched; written to the enriched topic keyed by the article id. */
    record Enriched(EnrichedArticle article) implements EnrichOutcome {
    }

    /** Could not be enriched; written to the dead-letter topic with the original value. */
    record Failed(byte[] originalValue) implements EnrichOutcome {
    }
}
