package io.newsstream.app;

import io.newsstream.common.model.DashboardArticle;
import io.newsstream.common.model.EnrichedArticle;
import io.newsstream.common.model.Entity;
import io.newsstream.common.model.EntityWindowStats;
import io.newsstream.common.model.RawArticle;
import io.newsstream.common.topics.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** Renders events of each topic as one or a few readable lines for {@code tail} and the demo. */
final class EventFormatter {

    private static final int TOP_ENTITIES = 6;
    private static final int TITLE_WIDTH = 90;

    private EventFormatter() {
    }

    static String raw(RawArticle a) {
        return String.format(Locale.ROOT, "%s  [%s] %s  (%,d chars)", a.id(), outlet(a.source().name()),
                title(a.title(), a.text()), a.text() == null ? 0 : a.text().length());
    }

    static String enriched(EnrichedArticle a) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s  [%s] %s%n", a.id(), outlet(a.source().name()), title(a.title(), a.text())));
        if (a.sentiment() != null) {
            sb.append(String.format(Locale.ROOT, "    language %s · tone %s (%+.2f)", a.language(),
                    a.sentiment().label().wire(), a.sentiment().score()));
        } else {
            sb.append("    language ").append(a.language());
        }
        if (a.story() != null) {
            sb.append(" · story ").append(a.story().id());
            if (a.story().duplicateOf() != null) {
                sb.append(" (copy of ").append(a.story().duplicateOf()).append(')');
            }
        }
        if (!a.flags().isEmpty()) {
            sb.append(" · ").append(String.join(", ", a.flags()));
        }
        sb.append(System.lineSeparator());
        sb.append("    entities: ").append(a.entities().isEmpty() ? "none" : a.entities().stream()
                .limit(TOP_ENTITIES).map(EventFormatter::entity).collect(Collectors.joining(", ")));
        if (a.entities().size() > TOP_ENTITIES) {
            sb.append(String.format(Locale.ROOT, " … +%d more", a.entities().size() - TOP_ENTITIES));
        }
        return sb.toString();
    }

    private static String entity(Entity e) {
        return String.format(Locale.ROOT, "%s (%s, %d×)", e.name(), e.type().name().toLowerCase(Locale.ROOT), e.mentions());
    }

    static String dashboardArticle(DashboardArticle a) {
        return String.format(Locale.ROOT, "%s  [%s] %s · %s %+.2f · people %s · orgs %s · places %s", a.id(),
                outlet(a.outlet()), title(a.title(), null), a.sentimentLabel().wire(), a.sentimentScore(),
                a.people(), a.organizations(), a.locations());
    }

    static String entityWindow(EntityWindowStats s) {
        return String.format(Locale.ROOT, "%s .. %s  %-28s %-12s mentions %3d · articles %2d · outlets %2d · tone %+.2f",
                s.windowStart(), s.windowEnd(), s.name(), s.type(), s.mentions(), s.articles(), s.outlets().size(),
                s.meanSentiment());
    }

    static String deadLetter(byte[] key, byte[] value, Headers headers) {
        return String.format(Locale.ROOT, "key %s · stage %s · %s%n    reason: %s%n    from %s-%s@%s · %,d bytes",
                key == null ? "(none)" : new String(key, StandardCharsets.UTF_8),
                header(headers, DeadLetterHeaders.STAGE), header(headers, DeadLetterHeaders.EXCEPTION),
                header(headers, DeadLetterHeaders.MESSAGE), header(headers, DeadLetterHeaders.TOPIC),
                header(headers, DeadLetterHeaders.PARTITION), header(headers, DeadLetterHeaders.OFFSET),
                value == null ? 0 : value.length);
    }

    private static String header(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        return h == null ? "?" : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static String outlet(String name) {
        return name == null ? "no outlet" : name;
    }

    /** The title, or for an untitled article the opening words of its text in quotes. */
    private static String title(String title, String text) {
        if (title == null) {
            if (text == null || text.isBlank()) {
                return "(untitled)";
            }
            String opening = text.strip().replaceAll("\\s+", " ");
            return "\u201c" + (opening.length() > TITLE_WIDTH - 2 ? opening.substring(0, TITLE_WIDTH - 3) + "…" : opening) + "\u201d";
        }
        return title.length() > TITLE_WIDTH ? title.substring(0, TITLE_WIDTH - 1) + "…" : title;
    }
}
