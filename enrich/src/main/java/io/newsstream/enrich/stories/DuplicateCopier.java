package io.newsstream.enrich.stories;

import io.newsstream.common.model.EnrichedArticle;
import io.newsstream.common.model.Entity;
import io.newsstream.common.model.RawArticle;
import io.newsstream.common.model.Span;
import io.newsstream.common.model.StoryRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Gives a near-verbatim copy the enrichment of its original instead of running the models again: the
 * copy keeps its own id, source, headline, times and text; language, entities, sentiment and flags are
 * the original's, and so is {@code enrichedAt} (when that enrichment was made), which also keeps a replay
 * byte-for-byte the same. Entity mentions are found again in the copy's text by their surface forms (a string
 * search, microseconds), so spans point into the copy's own text; an entity whose surface forms do not
 * occur in the copy is left out.
 */
public final class DuplicateCopier {

    private DuplicateCopier() {
    }

    /**
     * The copy's enriched record.
     *
     * @param original   the original's enriched record; its text is needed to find the surface forms
     * @param copy       the copy as read
     * @param story      the copy's story reference ({@code duplicateOf} set)
     * @param keepText   whether the record carries the text
     */
    public static EnrichedArticle copy(EnrichedArticle original, RawArticle copy, StoryRef story, boolean keepText) {
        String text = copy.text();
        List<Entity> entities = original.text() == null ? withoutSpans(original.entities())
                : relocate(original.text(), original.entities(), text);
        EnrichedArticle out = new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, copy.id(), copy.source(), copy.title(),
                copy.publishedAt(), copy.ingestedAt(), original.language(), text, entities, original.sentiment(), story,
                original.flags(), original.enrichedAt(), original.pipeline());
        return keepText ? out : out.withoutText();
    }

    private static List<Entity> withoutSpans(List<Entity> entities) {
        return entities.stream().map(e -> new Entity(e.id(), e.name(), e.type(), e.mentions(), e.aliases(),
                e.salience(), e.sentiment(), List.of())).toList();
    }

    private static List<Entity> relocate(String originalText, List<Entity> entities, String text) {
        // every candidate span of every entity, so a span inside a longer one ("Smith" in "John Smith",
        // a place inside an organisation's name) can be dropped in favour of the longer
        List<List<Span>> found = new ArrayList<>();
        List<int[]> all = new ArrayList<>();
        for (int i = 0; i < entities.size(); i++) {
            Set<String> forms = new LinkedHashSet<>();
            for (Span s : entities.get(i).spans()) {
                if (s.end() <= originalText.length()) {
                    forms.add(originalText.substring(s.start(), s.end()));
                }
            }
            List<Span> spans = new ArrayList<>();
            for (String form : forms) {
                if (form.isBlank()) {
                    continue;
                }
                for (int at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
                    if (wordBoundary(text, at - 1) && wordBoundary(text, at + form.length())) {
                        spans.add(new Span(at, at + form.length()));
                        all.add(new int[] {at, at + form.length()});
                    }
                }
            }
            found.add(spans);
        }
        List<Entity> out = new ArrayList<>();
        for (int i = 0; i < entities.size(); i++) {
            Entity e = entities.get(i);
            List<Span> kept = found.get(i).stream()
                    .filter(s -> all.stream().noneMatch(o -> o[0] <= s.start() && o[1] >= s.end()
                            && (o[1] - o[0]) > (s.end() - s.start())))
                    .distinct()
                    .sorted(Comparator.comparingInt(Span::start))
                    .toList();
            if (!kept.isEmpty()) {
                out.add(new Entity(e.id(), e.name(), e.type(), kept.size(), e.aliases(), e.salience(), e.sentiment(), kept));
            }
        }
        return out;
    }

    private static boolean wordBoundary(String text, int i) {
        return i < 0 || i >= text.length() || !Character.isLetterOrDigit(text.charAt(i));
    }
}
