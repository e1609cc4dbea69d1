package io.newsstream.app.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsstream.common.serde.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * What the dashboard shows, in memory: the latest row per key of the compacted
 * {@code news.dashboard.stories}, {@code news.dashboard.articles} and {@code news.dashboard.entities}
 * topics (a null value removes the key), and the dead-letter count with the latest reasons. Thread safe.
 */
final class DashboardState {

    private static final int LATEST_REASONS = 20;

    private final ObjectMapper json = Json.mapper();
    private final Map<String, JsonNode> stories = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> articles = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> entities = new ConcurrentHashMap<>();
    private final Deque<ObjectNode> reasons = new ArrayDeque<>();
    private final AtomicLong deadLetters = new AtomicLong();
    private final AtomicLong version = new AtomicLong();

    void story(String key, byte[] value) {
        put(stories, key, value);
    }

    void article(String key, byte[] value) {
        put(articles, key, value);
    }

    void entity(String key, byte[] value) {
        put(entities, key, value);
    }

    void deadLetter(byte[] key, Headers headers, long timestamp) {
        ObjectNode r = json.createObjectNode();
        r.put("key", key == null ? null : new String(key, StandardCharsets.UTF_8));
        r.put("timestamp", java.time.Instant.ofEpochMilli(timestamp).toString());
        for (Header h : headers) {
            if (h.key().startsWith("__streams.errors.") && h.value() != null) {
                r.put(h.key().substring("__streams.errors.".length()), new String(h.value(), StandardCharsets.UTF_8));
            }
        }
        synchronized (reasons) {
            reasons.addFirst(r);
            while (reasons.size() > LATEST_REASONS) {
                reasons.removeLast();
            }
        }
        deadLetters.incrementAndGet();
        version.incrementAndGet();
    }

    /** Grows with every change; the page's event stream sends an update when it moves. */
    long version() {
        return version.get();
    }

    private void put(Map<String, JsonNode> map, String key, byte[] value) {
        if (key == null) {
            return;
        }
        if (value == null) {
            map.remove(key);
        } else {
            try {
                map.put(key, json.readTree(value));
            } catch (java.io.IOException e) {
                return; // not JSON: not ours to show
            }
        }
        version.incrementAndGet();
    }

    /** Stories, latest first. */
    ArrayNode stories() {
        ArrayNode out = json.createArrayNode();
        stories.values().stream()
                .sorted(Comparator.comparing((JsonNode s) -> s.path("lastSeen").asText()).reversed())
                .forEach(out::add);
        return out;
    }

    /** One story with its articles (copies carry {@code duplicateOf}), or null. */
    ObjectNode story(String id) {
        JsonNode s = stories.get(id);
        if (s == null) {
            return null;
        }
        ObjectNode out = s.deepCopy();
        ArrayNode list = out.putArray("articleRows");
        articles.values().stream().filter(a -> id.equals(a.path("storyId").asText()))
                .sorted(Comparator.comparing(a -> a.path("publishedAt").asText()))
                .forEach(list::add);
        return out;
    }

    /** Entity windows, most mentions first. */
    ArrayNode entities() {
        ArrayNode out = json.createArrayNode();
        entities.values().stream()
                .sorted(Comparator.comparingLong((JsonNode e) -> e.path("mentions").asLong()).reversed())
                .limit(500)
                .forEach(out::add);
        return out;
    }

    ObjectNode deadLetters() {
        ObjectNode out = json.createObjectNode();
        out.put("count", deadLetters.get());
        ArrayNode latest = out.putArray("latest");
        synchronized (reasons) {
            List.copyOf(reasons).forEach(latest::add);
        }
        return out;
    }

    byte[] bytes(JsonNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
