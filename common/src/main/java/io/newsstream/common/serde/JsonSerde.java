package io.newsstream.common.serde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * One JSON serde per message type, backed by the shared {@link Json#mapper()}. Failures surface as
 * Kafka's {@link SerializationException} naming the type, so error handlers treat them uniformly.
 *
 * @param <T> the record type
 */
public final class JsonSerde<T> implements Serde<T> {

    private final Class<T> type;
    private final ObjectReader reader;
    private final ObjectWriter writer;

    private JsonSerde(Class<T> type) {
        this.type = type;
        // a record holds one document: anything after it (a second article glued on) is an error, not dropped
        this.reader = Json.mapper().readerFor(type).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.writer = Json.mapper().writerFor(type);
    }

    /** The serde for {@code type}. */
    public static <T> JsonSerde<T> of(Class<T> type) {
        return new JsonSerde<>(type);
    }

    /** The type this serde reads and writes. */
    public Class<T> type() {
        return type;
    }

    /** Writes {@code value} as UTF-8 JSON; null stays null (a tombstone). */
    public byte[] toBytes(T value) {
        if (value == null) {
            return null;
        }
        try {
            return writer.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new SerializationException("cannot write " + type.getSimpleName() + " as JSON: " + e.getMessage(), e);
        }
    }

    /** Reads UTF-8 JSON; null stays null. */
    public T fromBytes(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            T value = reader.readValue(bytes);
            if (value == null) {
                throw new SerializationException("JSON null is not a " + type.getSimpleName());
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new SerializationException("not a valid " + type.getSimpleName() + " JSON document: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new SerializationException("cannot read " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> toBytes(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> fromBytes(bytes);
    }
}
