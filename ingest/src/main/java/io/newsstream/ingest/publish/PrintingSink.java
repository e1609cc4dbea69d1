package io.newsstream.ingest.publish;

import io.newsstream.common.model.RawArticle;
import io.newsstream.common.topics.Topics;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A dry run's sink: writes each article as one line of the JSON that would go to the raw topic, each
 * id once. Needs no broker.
 */
public final class PrintingSink implements ArticleSink {

    private final PrintWriter out;
    private final SeenIds seen;

    public PrintingSink(PrintWriter out, SeenIds seen) {
        this.out = Objects.requireNonNull(out, "out");
        this.seen = Objects.requireNonNull(seen, "seen");
    }

    @Override
    public CompletableFuture<Outcome> publish(RawArticle article) {
        if (!seen.add(article.id())) {
            return CompletableFuture.completedFuture(Outcome.DUPLICATE);
        }
        String json = new String(Topics.RAW.valueSerde().serializer().serialize(null, article), StandardCharsets.UTF_8);
        synchronized (out) {
            out.println(json);
            out.flush();
        }
        return CompletableFuture.completedFuture(Outcome.PUBLISHED);
    }

    @Override
    public void flush() {
        synchronized (out) {
            out.flush();
        }
    }

    @Override
    public void close() {
        flush();
    }
}
