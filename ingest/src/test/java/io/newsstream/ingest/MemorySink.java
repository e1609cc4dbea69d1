package io.newsstream.ingest;

import io.newsstream.common.model.RawArticle;
import io.newsstream.ingest.publish.ArticleSink;
import io.newsstream.ingest.publish.PublishException;
import io.newsstream.ingest.publish.SeenIds;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** A sink that keeps what it is given, for tests; it can be told to fail. */
public final class MemorySink implements ArticleSink {

    private final SeenIds seen = new SeenIds();
    private final List<RawArticle> published = new CopyOnWriteArrayList<>();
    private volatile boolean failing;

    @Override
    public CompletableFuture<Outcome> publish(RawArticle article) {
        if (failing) {
            return CompletableFuture.failedFuture(new PublishException("cannot publish: broker down (test)", null));
        }
        if (!seen.add(article.id())) {
            return CompletableFuture.completedFuture(Outcome.DUPLICATE);
        }
        published.add(article);
        return CompletableFuture.completedFuture(Outcome.PUBLISHED);
    }

    public List<RawArticle> published() {
        return published;
    }

    public void failing(boolean failing) {
        this.failing = failing;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
