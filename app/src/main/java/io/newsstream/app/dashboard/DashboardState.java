package io.newsstream.app.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsstream.common.serde.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
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
    /** How many consecutive windows an entity's sparkline covers. */
    static final int SPARKLINE_WINDOWS = 12;

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

    /**
     * Stories, latest first, at most {@code limit}; each with what its article rows add: the
     * {@code languages} of its articles and a {@code timeline} of them ({@code at}: published, else
     * enriched; {@code tone}; {@code copy} when it is a near-verbatim copy), in time order.
     */
    ArrayNode stories(int limit) {
        Map<String, List<JsonNode>> byStory = articlesByStory();
        ArrayNode out = json.createArrayNode();
        stories.values().stream()
                .sorted(Comparator.comparing((JsonNode s) -> s.path("lastSeen").asText()).reversed())
                .limit(limit)
                .forEach(s -> out.add(withArticleFacts(s, byStory.getOrDefault(s.path("storyId").asText(), List.of()))));
        return out;
    }

    /** All stories, latest first. */
    ArrayNode stories() {
        return stories(Integer.MAX_VALUE);
    }

    int storyCount() {
        return stories.size();
    }

    /** One story with its {@code articleRows} in time order (copies carry {@code duplicateOf}), or null. */
    ObjectNode story(String id) {
        JsonNode s = stories.get(id);
        if (s == null) {
            return null;
        }
        List<JsonNode> rows = articles.values().stream().filter(a -> id.equals(a.path("storyId").asText()))
                .sorted(Comparator.comparing(DashboardState::articleTime)).toList();
        ObjectNode out = withArticleFacts(s, rows);
        out.putArray("articleRows").addAll(rows);
        return out;
    }

    private Map<String, List<JsonNode>> articlesByStory() {
        Map<String, List<JsonNode>> byStory = new HashMap<>();
        for (JsonNode a : articles.values()) {
            String story = a.path("storyId").asText(null);
            if (story != null) {
                byStory.computeIfAbsent(story, k -> new ArrayList<>()).add(a);
            }
        }
        return byStory;
    }

    private ObjectNode withArticleFacts(JsonNode story, List<JsonNode> rows) {
        ObjectNode out = story.deepCopy();
        ArrayNode languages = out.putArray("languages");
        rows.stream().map(a -> a.path("language").asText("")).filter(l -> !l.isEmpty()).distinct().sorted()
                .forEach(languages::add);
        ArrayNode timeline = out.putArray("timeline");
        rows.stream().sorted(Comparator.comparing(DashboardState::articleTime)).forEach(a -> {
            ObjectNode point = timeline.addObject();
            point.put("id", a.path("id").asText());
            point.put("at", articleTime(a));
            point.put("outlet", a.path("outlet").asText(""));
            point.put("tone", a.path("sentimentScore").asDouble());
            point.put("copy", a.hasNonNull("duplicateOf"));
        });
        return out;
    }

    /** When an article happened for the timeline: its publication time, else when it was enriched. */
    private static String articleTime(JsonNode a) {
        return a.hasNonNull("publishedAt") ? a.get("publishedAt").asText() : a.path("enrichedAt").asText("");
    }

    /**
     * Trending entities: one row per entity, its latest window's row ({@code windowStart},
     * {@code mentions}, {@code articles}, {@code outlets}, {@code meanSentiment}) with a
     * {@code sparkline} of its mentions in the {@value #SPARKLINE_WINDOWS} consecutive windows ending
     * there (oldest first, 0 where it had none); the most recent windows first, within one window the
     * most mentions first; at most {@code limit} rows.
     */
    ArrayNode entities(int limit) {
        ArrayNode out = json.createArrayNode();
        entityWindows().values().stream()
                .map(windows -> windows.lastEntry().getValue())
                .sorted(Comparator.comparing((JsonNode e) -> e.path("windowStart").asText())
                        .thenComparingLong(e -> e.path("mentions").asLong()).reversed())
                .limit(limit)
                .forEach(latest -> out.add(withSparkline(latest)));
        return out;
    }

    /** One entity's windows, oldest first, and its name and type; or null when it has none. */
    ObjectNode entity(String id) {
        NavigableMap<Instant, JsonNode> windows = windowsOf(id);
        if (windows.isEmpty()) {
            return null;
        }
        JsonNode latest = windows.lastEntry().getValue();
        ObjectNode out = json.createObjectNode();
        out.put("entityId", id);
        out.set("name", latest.path("name"));
        out.set("type", latest.path("type"));
        out.set("sparkline", withSparkline(latest).get("sparkline"));
        out.putArray("windows").addAll(windows.values());
        return out;
    }

    /**
     * The stories that name an entity (among their top entities, or in one of their articles' top
     * entity ids), latest first, each with {@code entityArticles}: how many of its articles name it.
     */
    ArrayNode entityStories(String id) {
        Map<String, Long> naming = new HashMap<>();
        for (JsonNode a : articles.values()) {
            String story = a.path("storyId").asText(null);
            if (story != null && contains(a.path("topEntityIds"), id)) {
                naming.merge(story, 1L, Long::sum);
            }
        }
        for (JsonNode s : stories.values()) {
            for (JsonNode e : s.path("topEntities")) {
                if (id.equals(e.path("id").asText())) {
                    naming.merge(s.path("storyId").asText(), e.path("articles").asLong(), Math::max);
                }
            }
        }
        Map<String, List<JsonNode>> byStory = articlesByStory();
        ArrayNode out = json.createArrayNode();
        naming.keySet().stream().map(stories::get).filter(java.util.Objects::nonNull)
                .sorted(Comparator.comparing((JsonNode s) -> s.path("lastSeen").asText()).reversed())
                .forEach(s -> {
                    String story = s.path("storyId").asText();
                    ObjectNode row = withArticleFacts(s, byStory.getOrDefault(story, List.of()));
                    row.put("entityArticles", naming.get(story));
                    out.add(row);
                });
        return out;
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode v : array) {
            if (value.equals(v.asText())) {
                return true;
            }
        }
        return false;
    }

    private Map<String, NavigableMap<Instant, JsonNode>> entityWindows() {
        Map<String, NavigableMap<Instant, JsonNode>> byEntity = new HashMap<>();
        for (JsonNode w : entities.values()) {
            Instant start = instant(w.path("windowStart"));
            if (start != null) {
                byEntity.computeIfAbsent(w.path("entityId").asText(), k -> new TreeMap<>()).put(start, w);
            }
        }
        return byEntity;
    }

    private NavigableMap<Instant, JsonNode> windowsOf(String id) {
        NavigableMap<Instant, JsonNode> windows = new TreeMap<>();
        for (JsonNode w : entities.values()) {
            Instant start = instant(w.path("windowStart"));
            if (start != null && id.equals(w.path("entityId").asText())) {
                windows.put(start, w);
            }
        }
        return windows;
    }

    /** {@code latest} with its {@code sparkline}: the mentions of the windows before it, by their keys. */
    private ObjectNode withSparkline(JsonNode latest) {
        ObjectNode row = latest.deepCopy();
        Instant start = instant(latest.path("windowStart"));
        Instant end = instant(latest.path("windowEnd"));
        ArrayNode spark = row.putArray("sparkline");
        if (start == null || end == null || !end.isAfter(start)) {
            spark.add(latest.path("mentions").asLong());
            return row;
        }
        Duration size = Duration.between(start, end);
        String id = latest.path("entityId").asText();
        for (int i = SPARKLINE_WINDOWS - 1; i >= 0; i--) {
            JsonNode w = entities.get(id + "@" + start.minus(size.multipliedBy(i)));
            spark.add(w == null ? 0 : w.path("mentions").asLong());
        }
        return row;
    }

    private static Instant instant(JsonNode text) {
        try {
            return text.isTextual() ? Instant.parse(text.asText()) : null;
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
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
