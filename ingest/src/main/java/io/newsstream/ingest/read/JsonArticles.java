package io.newsstream.ingest.read;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.newsstream.common.model.Source;
import io.newsstream.common.serde.Json;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads article objects from JSON. Accepted fields (aliases in brackets): {@code id}, {@code title}
 * [{@code headline}], {@code text} [{@code body}, {@code content}], {@code source} (an object with
 * {@code name} and {@code url}, or a string naming the outlet), {@code outlet}, {@code url},
 * {@code publishedAt} [{@code published}, {@code published_at}, {@code date}], {@code language}
 * [{@code lang}]. Other fields are ignored. A field of the wrong type rejects the article, except the
 * date and language, which are only hints: those are dropped with a warning.
 */
final class JsonArticles {

    private static final ObjectReader READER = Json.mapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private JsonArticles() {
    }

    /** Parses a JSON document; the message of the exception says what is wrong and where. */
    static JsonNode parse(String json) throws InputException {
        if (json.isBlank()) {
            throw new InputException("not JSON: the input is empty");
        }
        try {
            JsonNode node = READER.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new InputException("not JSON: the input is empty");
            }
            return node;
        } catch (StreamConstraintsException e) {
            throw new InputException("not JSON this reader accepts: " + firstLine(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw new InputException("not JSON: " + firstLine(e.getOriginalMessage()) + where);
        } catch (IOException e) {
            throw new InputException("not JSON: " + e.getMessage());
        }
    }

    /** The draft of one article object. */
    static ArticleDraft draft(JsonNode node) throws InputException {
        if (!node.isObject()) {
            throw new InputException("expected a JSON object (one article), got " + kind(node));
        }
        List<String> warnings = new ArrayList<>();
        String id = id(node);
        String title = string(node, "title", "headline");
        String text = string(node, "text", "body", "content");
        if (text == null) {
            throw new InputException("no text: the object has no 'text' field (nor 'body' or 'content')");
        }
        Source source = source(node);
        Instant publishedAt = publishedAt(node, warnings);
        String language = hint(node, warnings, "language", "lang");
        return new ArticleDraft(id, title, text, source, publishedAt, language, false, warnings);
    }

    private static String id(JsonNode node) throws InputException {
        JsonNode v = node.get("id");
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isIntegralNumber()) {
            return v.asText();
        }
        throw new InputException("field 'id' must be a string, got " + kind(v));
    }

    /** The first of {@code names} present and not null; it must be a string. */
    private static String string(JsonNode node, String... names) throws InputException {
        for (String name : names) {
            JsonNode v = node.get(name);
            if (v == null || v.isNull()) {
                continue;
            }
            if (!v.isTextual()) {
                throw new InputException("field '" + name + "' must be a string, got " + kind(v));
            }
            return v.textValue();
        }
        return null;
    }

    private static Source source(JsonNode node) throws InputException {
        JsonNode s = node.get("source");
        String name = null;
        String url = null;
        if (s != null && !s.isNull()) {
            if (s.isTextual()) {
                name = s.textValue();
            } else if (s.isObject()) {
                name = nested(s, "name", "source");
                url = nested(s, "url", "source");
            } else {
                throw new InputException("field 'source' must be an object {\"name\": ..., \"url\": ...} or a string, got " + kind(s));
            }
        }
        if (name == null) {
            name = string(node, "outlet");
        }
        if (url == null) {
            url = string(node, "url");
        }
        return name == null && url == null ? null : new Source(name, url);
    }

    private static String nested(JsonNode parent, String field, String parentName) throws InputException {
        JsonNode v = parent.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new InputException("field '" + parentName + "." + field + "' must be a string, got " + kind(v));
        }
        return v.textValue();
    }

    private static Instant publishedAt(JsonNode node, List<String> warnings) {
        for (String name : new String[] {"publishedAt", "published", "published_at", "date"}) {
            JsonNode v = node.get(name);
            if (v == null || v.isNull()) {
                continue;
            }
            if (!v.isTextual()) {
                warnings.add("field '" + name + "' must be an ISO-8601 date string, got " + kind(v) + "; left out");
                return null;
            }
            Instant at = Dates.parseField(v.textValue()).orElse(null);
            if (at == null) {
                warnings.add("field '" + name + "' is not a date (" + ArticleNormaliser.quote(v.textValue())
                        + "; expected ISO-8601 such as 2024-12-28 or 2024-12-28T10:15:00Z); left out");
            }
            return at;
        }
        return null;
    }

    private static String hint(JsonNode node, List<String> warnings, String... names) {
        for (String name : names) {
            JsonNode v = node.get(name);
            if (v == null || v.isNull()) {
                continue;
            }
            if (!v.isTextual()) {
                warnings.add("field '" + name + "' must be a string, got " + kind(v) + "; left out");
                return null;
            }
            return v.textValue();
        }
        return null;
    }

    /** "an object", "a number"... for messages. */
    static String kind(JsonNode v) {
        return switch (v.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case STRING -> "a string";
            case NULL -> "null";
            case BINARY -> "binary data";
            case MISSING -> "nothing";
        };
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
