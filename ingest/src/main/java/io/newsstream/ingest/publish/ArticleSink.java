package io.newsstream.ingest.publish;

import io.newsstream.common.model.RawArticle;
import java.util.concurrent.CompletableFuture;

/**
 * Where ingest puts articles: the raw topic ({@link ArticlePublisher}), standard output for a dry run
 * ({@link PrintingSink}), or a test's memory. Every sink publishes an id at most once: a second
 * article with an id already published completes as {@link Outcome#DUPLICATE} without being written.
 * Implementations are thread-safe: the HTTP endpoint publishes from several threads.
 */
public interface ArticleSink extends AutoCloseable {

    /** What became of one article. */
    enum Outcome {
        /** Written (for a Kafka sink: acknowledged by all in-sync replicas). */
        PUBLISHED,
        /** Not written: an article with this id was published before. */
        DUPLICATE
    }

    /**
     * Publishes {@code article} unless its id was published already. The future completes when the
     * article is durably written, or exceptionally with a {@link PublishException}; after a failure
     * the id is not remembered, so a retry can publish it.
     */
    CompletableFuture<Outcome> publish(RawArticle article);

    /** Waits until every article handed over so far is written or has failed. */
    void flush();

    /** Flushes and releases resources. */
    @Override
    void close();
}
