package io.newsstream.enrich.topology;

import io.newsstream.common.model.EnrichedArticle;

/** What became of one record at a step: passed on, enriched, or failed with its original bytes kept for the dead-letter topic. */
sealed interface EnrichOutcome {

    /** Passed the checks; its original value goes on to the next step. */
    record Accepted(byte[] value) implements EnrichOutcome {
    }

    /** Ready for story assignment. */
    record ToStories(StoryInput input) implements EnrichOutcome {
    }

    /** Enriched with its story; written to the enriched topic keyed by the article id. */
    record Enriched(EnrichedArticle article) implements EnrichOutcome {
    }

    /** Could not be enriched; written to the dead-letter topic with the original value. */
    record Failed(byte[] originalValue) implements EnrichOutcome {
    }
}
