package io.newsstream.app.reliability;

import io.newsstream.common.config.NewsstreamConfig;
import io.newsstream.common.model.RawArticle;
import io.newsstream.ingest.publish.ArticlePublisher;
import io.newsstream.ingest.publish.ArticleSink;
import io.newsstream.ingest.publish.SeenIds;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Writes articles to the raw topic with ingest's own publisher, as {@code newsstream ingest} does. */
final class Feeder {

    private Feeder() {
    }

    /** Publishes every article and waits until the broker acknowledged all of them. */
    static void publish(NewsstreamConfig config, List<RawArticle> articles) {
        try (ArticlePublisher publisher = ArticlePublisher.create(config, new SeenIds())) {
            List<CompletableFuture<ArticleSink.Outcome>> acks = new ArrayList<>(articles.size());
            for (RawArticle a : articles) {
                acks.add(publisher.publish(a));
            }
            publisher.flush();
            for (CompletableFuture<ArticleSink.Outcome> ack : acks) {
                if (ack.get(3, TimeUnit.MINUTES) != ArticleSink.Outcome.PUBLISHED) {
                    throw new IllegalStateException("a test article was not published: " + ack.join());
                }
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish the test articles: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing test articles", e);
        }
    }
}
