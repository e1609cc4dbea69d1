package io.newsstream.sink;

import io.newsstream.common.model.EnrichedArticle;
import io.newsstream.common.model.StorySummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps each story's running totals (store {@value SinkTopology#STORY_STORE}) and sends its summary on every
 * article that changes them. A story's totals are dropped once its latest article was ingested more than
 * the retention ({@code sink.story.retention}) before the latest ingest time seen: by then the story takes no
 * more articles, and its last summary stays on the compacted stories topic. The latest activity of each
 * story is kept apart (store {@value SinkTopology#STORY_ACTIVITY_STORE}, 8 bytes per story), so the sweep,
 * at most once per {@link #SWEEP_EVERY} of ingest time, reads small values only. Expiry is driven by the
 * articles' own ingest times, never the wall clock, so a replay makes the same decisions.
 */
final class StorySummaryProcessor implements Processor<String, EnrichedArticle, String, StorySummary> {

    /** How much ingest time passes between two sweeps for expired stories. */
    static final Duration SWEEP_EVERY = Duration.ofHours(1);

    private final long retentionMs;
    private ProcessorContext<String, StorySummary> context;
    private KeyValueStore<String, StoryAggregate> stories;
    private KeyValueStore<String, Long> activity;
    private long watermark = Long.MIN_VALUE;
    private long lastSweep = Long.MIN_VALUE;

    StorySummaryProcessor(Duration retention) {
        this.retentionMs = Objects.requireNonNull(retention, "retention").toMillis();
    }

    @Override
    public void init(ProcessorContext<String, StorySummary> context) {
        this.context = context;
        this.stories = context.getStateStore(SinkTopology.STORY_STORE);
        this.activity = context.getStateStore(SinkTopology.STORY_ACTIVITY_STORE);
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
        EnrichedArticle article = record.value();
        String storyId = record.key();
        long t = article.ingestedAt() != null ? article.ingestedAt().toEpochMilli() : record.timestamp();
        StoryAggregate old = stories.get(storyId);
        StoryAggregate updated = (old == null ? StoryAggregate.EMPTY : old).add(article);
        if (updated != old) {
            stories.put(storyId, updated);
            context.forward(record.withValue(updated.summary()));
        }
        Long last = activity.get(storyId);
        if (last == null || t > last) {
            activity.put(storyId, t);
        }
        watermark = Math.max(watermark, t);
        if (lastSweep == Long.MIN_VALUE || watermark - lastSweep >= SWEEP_EVERY.toMillis()) {
            sweep();
            lastSweep = watermark;
        }
    }

    /** Drops the totals of every story whose latest article is more than the retention behind the watermark. */
    private void sweep() {
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, Long> it = activity.all()) {
            while (it.hasNext()) {
                KeyValue<String, Long> kv = it.next();
                if (kv.value + retentionMs < watermark) {
                    expired.add(kv.key);
                }
            }
        }
        for (String id : expired) {
            activity.delete(id);
            stories.delete(id);
        }
    }
}
