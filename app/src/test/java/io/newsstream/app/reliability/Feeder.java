package io.newsstream.app.reliability;

import io.newsstream.common.model.RawArticle;
import io.newsstream.common.topics.Topics;
import io.newsstream.testkit.KafkaBrokerExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes articles to the raw topic as ingest does (key the id, value the JSON; idempotent, acks=all). */
final class Feeder {

    private Feeder() {
    }

    /** Publishes every article and waits until the broker acknowledged all of them. */
    static void publish(KafkaBrokerExtension kafka, String rawTopic, List<RawArticle> articles) {
        try (KafkaProducer<String, RawArticle> producer = kafka.producer(new StringSerializer(),
                Topics.RAW.valueSerde().serializer())) {
            List<Future<RecordMetadata>> acks = new ArrayList<>(articles.size());
            for (RawArticle a : articles) {
                acks.add(producer.send(new ProducerRecord<>(rawTopic, a.id(), a)));
            }
            producer.flush();
            for (Future<RecordMetadata> ack : acks) {
                ack.get(60, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish the test articles to " + rawTopic + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing test articles", e);
        }
    }
}
