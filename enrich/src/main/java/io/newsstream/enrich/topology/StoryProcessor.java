package io.newsstream.enrich.topology;

import com.fasterxml.jackson.core.type.TypeReference;
import io.newsstream.common.model.EnrichedArticle;
import io.newsstream.common.model.StoryRef;
import io.newsstream.common.serde.Json;
import io.newsstream.common.serde.JsonSerde;
import io.newsstream.enrich.RejectedArticleException;
import io.newsstream.enrich.stories.ArticleFeatures;
import io.newsstream.enrich.stories.DuplicateCopier;
import io.newsstream.enrich.stories.ExpiringStore;
import io.newsstream.enrich.stories.StoreStoryIndex;
import io.newsstream.enrich.stories.StoryAssigner;
import io.newsstream.enrich.stories.StoryFeatures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Last step, on a single partition so that every article meets the same story state in one order:
 * assigns stories and writes each article out. A copy gets its original's enrichment and story; a copy
 * that arrives before its original (possible only after a restart or rebalance) waits in state until the
 * original comes, and goes to the dead-letter topic if the original failed or never comes within the
 * quiet period. Besides the story index, the store keeps {@code e/<id>} (an original's enriched record,
 * to copy from), {@code f/<id>} (why an original failed) and {@code p/<id>} (copies waiting for it).
 */
final class StoryProcessor implements Processor<byte[], StoryInput, byte[], EnrichOutcome> {

    private static final TypeReference<List<StoryInput>> PENDING = new TypeReference<>() {
    };

    private final Duration quietPeriod;
    private final JsonSerde<EnrichedArticle> articleSerde = JsonSerde.of(EnrichedArticle.class);
    private ProcessorContext<byte[], EnrichOutcome> context;
    private ExpiringStore store;
    private StoryAssigner assigner;
    private long timestamp;

    StoryProcessor(Duration quietPeriod) {
        this.quietPeriod = quietPeriod;
    }

    @Override
    public void init(ProcessorContext<byte[], EnrichOutcome> context) {
        this.context = context;
        KeyValueStore<String, byte[]> kv = context.getStateStore(EnrichTopology.STORIES_STORE);
        this.store = new ExpiringStore(kv);
        this.assigner = new StoryAssigner(new StoreStoryIndex(store), quietPeriod);
        store.onExpire((key, payload) -> {
            if (key.startsWith("p/")) {
                for (StoryInput copy : pending(payload)) {
                    deadLetter(copy, new RecordHeaders(), "near-verbatim copy of " + copy.duplicateOf()
                            + ", whose enrichment did not arrive within the story quiet period");
                }
            }
        });
    }

    @Override
    public void process(Record<byte[], StoryInput> record) {
        timestamp = record.timestamp();
        StoryInput in = record.value();
        switch (in.kind()) {
            case StoryInput.ENRICHED -> original(in, record.headers());
            case StoryInput.COPY -> copy(in, record.headers());
            case StoryInput.FAILED -> failed(in);
            default -> throw new IllegalStateException("unknown story input kind " + in.kind());
        }
    }

    private void original(StoryInput in, Headers headers) {
        EnrichedArticle article = in.article();
        StoryRef story = assigner.assign(StoryFeatures.of(article, in.content()));
        long expiresAt = seenAt(article) + quietPeriod.toMillis();
        store.put("e/" + article.id(), articleSerde.toBytes(article), expiresAt);
        emit(article.withStory(story), headers);
        byte[] waiting = store.get("p/" + article.id());
        if (waiting != null) {
            store.delete("p/" + article.id());
            for (StoryInput copy : pending(waiting)) {
                emitCopy(article, copy, new RecordHeaders());
            }
        }
    }

    private void copy(StoryInput in, Headers headers) {
        byte[] original = store.get("e/" + in.duplicateOf());
        if (original != null) {
            emitCopy(articleSerde.fromBytes(original), in, headers);
            return;
        }
        byte[] failure = store.get("f/" + in.duplicateOf());
        if (failure != null) {
            deadLetter(in, headers, "near-verbatim copy of " + in.duplicateOf() + ", whose enrichment failed: "
                    + new String(failure, StandardCharsets.UTF_8));
            return;
        }
        List<StoryInput> waiting = new ArrayList<>(pending(store.get("p/" + in.duplicateOf())));
        waiting.add(in);
        long seenAt = in.copy().ingestedAt() == null ? assigner.index().watermark() : in.copy().ingestedAt().toEpochMilli();
        store.put("p/" + in.duplicateOf(), toBytes(waiting), seenAt + quietPeriod.toMillis());
    }

    private void failed(StoryInput in) {
        long expiresAt = assigner.index().watermark() + quietPeriod.toMillis();
        store.put("f/" + in.id(), in.failure().getBytes(StandardCharsets.UTF_8), expiresAt);
        byte[] waiting = store.get("p/" + in.id());
        if (waiting != null) {
            store.delete("p/" + in.id());
            for (StoryInput copy : pending(waiting)) {
                deadLetter(copy, new RecordHeaders(), "near-verbatim copy of " + in.id() + ", whose enrichment failed: "
                        + in.failure());
            }
        }
    }

    private void emitCopy(EnrichedArticle original, StoryInput in, Headers headers) {
        ArticleFeatures features = new ArticleFeatures(in.id(), null,
                in.copy().ingestedAt() == null ? assigner.index().watermark() : in.copy().ingestedAt().toEpochMilli(),
                null, StoryFeatures.entityWeights(original.entities()), new int[0]);
        StoryRef story = assigner.assignCopy(features, in.duplicateOf(), in.similarity());
        emit(DuplicateCopier.copy(original, in.copy(), story, original.text() != null), headers);
    }

    private void emit(EnrichedArticle article, Headers headers) {
        context.forward(new Record<byte[], EnrichOutcome>(article.id().getBytes(StandardCharsets.UTF_8),
                new EnrichOutcome.Enriched(article), timestamp, DeadLetters.withoutInternal(headers)));
    }

    private void deadLetter(StoryInput copy, Headers headers, String reason) {
        context.forward(new Record<byte[], EnrichOutcome>(copy.id().getBytes(StandardCharsets.UTF_8),
                new EnrichOutcome.Failed(copy.originalValue()), timestamp,
                DeadLetters.headers(headers, null, RejectedArticleException.class.getName(), reason)));
    }

    private static long seenAt(EnrichedArticle a) {
        return a.ingestedAt() == null ? 0 : a.ingestedAt().toEpochMilli();
    }

    private static List<StoryInput> pending(byte[] bytes) {
        if (bytes == null) {
            return List.of();
        }
        try {
            return Json.mapper().readValue(bytes, PENDING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] toBytes(List<StoryInput> list) {
        try {
            return Json.mapper().writeValueAsBytes(list);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
