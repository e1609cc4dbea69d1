package io.newsstream.enrich.topology;

import io.newsstream.common.model.RawArticle;
import io.newsstream.common.serde.JsonSerde;
import io.newsstream.enrich.stories.ExpiringStore;
import io.newsstream.enrich.stories.NearDuplicateDetector;
import io.newsstream.enrich.stories.StoreDuplicateIndex;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Second step, on a single partition so that it sees every article in one order: marks near-verbatim
 * copies before any model runs. A copy goes on keyed by its original's id (so it lands on the same
 * enrichment partition, after the original) with {@code newsstream.copy.*} headers; an original goes on
 * keyed by its own id. Cheap: parsing and MinHash only.
 */
final class CopyFinderProcessor implements Processor<byte[], byte[], byte[], byte[]> {

    private final Duration window;
    private final JsonSerde<RawArticle> rawSerde = JsonSerde.of(RawArticle.class);
    private ProcessorContext<byte[], byte[]> context;
    private NearDuplicateDetector detector;

    CopyFinderProcessor(Duration window) {
        this.window = window;
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
        KeyValueStore<String, byte[]> store = context.getStateStore(EnrichTopology.COPIES_STORE);
        this.detector = new NearDuplicateDetector(new StoreDuplicateIndex(new ExpiringStore(store)), window);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        // checked by the first step, so it parses
        RawArticle raw = rawSerde.fromBytes(record.value());
        NearDuplicateDetector.Verdict verdict = detector.check(raw.id(), raw.text(),
                Instant.ofEpochMilli(ArticleTimes.seenAt(raw.ingestedAt(), record.timestamp())));
        if (!verdict.isDuplicate()) {
            context.forward(record);
            return;
        }
        Headers headers = new RecordHeaders(record.headers().toArray());
        DeadLetters.put(headers, DeadLetters.COPY_OF, verdict.duplicateOf());
        DeadLetters.put(headers, DeadLetters.COPY_SIMILARITY, Double.toString(verdict.similarity()));
        context.forward(record.withKey(verdict.duplicateOf().getBytes(StandardCharsets.UTF_8)).withHeaders(headers));
    }
}
