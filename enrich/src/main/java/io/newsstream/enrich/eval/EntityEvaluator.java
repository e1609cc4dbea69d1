package io.newsstream.enrich.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsstream.common.model.Entity;
import io.newsstream.common.model.EntityType;
import io.newsstream.common.serde.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Scores reported entities against a gold file such as {@code seeds-entities.json}, exactly as its
 * "scoring" field says: per document, a reported entity matches a gold entity when its name or one
 * of its aliases equals the gold name or one of the gold aliases (case-insensitive, a trailing
 * possessive 's stripped) and the types agree. Each gold entity can be matched once; a second
 * reported entity matching it is a false positive. Reported entities that match only an
 * "optional" gold entity count neither way. Precision, recall and F1 are micro-averaged.
 */
public final class EntityEvaluator {

    private final Map<String, GoldDoc> gold;

    private EntityEvaluator(Map<String, GoldDoc> gold) {
        this.gold = gold;
    }

    /**
     * Reads a gold file.
     *
     * @throws IllegalArgumentException naming the file when it is missing or not a gold file
     */
    public static EntityEvaluator load(Path goldFile) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(Files.readString(goldFile));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read gold file " + goldFile + ": " + e.getMessage(), e);
        }
        JsonNode articles = root == null ? null : root.get("articles");
        if (articles == null || !articles.isObject()) {
            throw new IllegalArgumentException("gold file " + goldFile + " has no \"articles\" object");
        }
        Map<String, GoldDoc> docs = new LinkedHashMap<>();
        articles.fields().forEachRemaining(e -> docs.put(e.getKey(), new GoldDoc(
                entities(goldFile, e.getKey(), e.getValue().get("entities")),
                entities(goldFile, e.getKey(), e.getValue().get("optional")))));
        return new EntityEvaluator(docs);
    }

    /** The document names (file names) the gold file describes. */
    public Set<String> documents() {
        return gold.keySet();
    }

    /**
     * Scores reported entities.
     *
     * @param reported document (a file name, or a path whose file name the gold file knows) to the
     *                 entities reported for it
     */
    public EvalReport evaluate(Map<String, List<Entity>> reported) {
        Map<String, List<Entity>> byName = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        reported.forEach((doc, entities) -> {
            Path p = Path.of(doc).getFileName();
            String name = p == null ? doc : p.toString();
            if (gold.containsKey(name)) {
                byName.put(name, entities);
            } else {
                unknown.add(doc);
            }
        });
        List<DocScore> scores = new ArrayList<>();
        for (Map.Entry<String, GoldDoc> e : gold.entrySet()) {
            List<Entity> entities = byName.get(e.getKey());
            if (entities != null) {
                scores.add(score(e.getKey(), e.getValue(), entities));
            }
        }
        return new EvalReport(scores, unknown);
    }

    private static DocScore score(String doc, GoldDoc gold, List<Entity> reported) {
        boolean[] matched = new boolean[gold.required.size()];
        int[] assignment = new int[reported.size()];
        java.util.Arrays.fill(assignment, -1);
        // Two passes so that "Jill Biden" (alias "Biden") does not take gold "Joe Biden" (alias "Biden")
        // from the reported "Joe Biden": a gold entity whose forms include the reported name goes first.
        for (int pass = 0; pass < 2; pass++) {
            for (int r = 0; r < reported.size(); r++) {
                if (assignment[r] >= 0) {
                    continue;
                }
                Entity e = reported.get(r);
                Set<String> forms = pass == 0 ? Set.of(normalizeForm(e.name())) : forms(e.name(), e.aliases());
                for (int i = 0; i < gold.required.size(); i++) {
                    if (!matched[i] && gold.required.get(i).matches(e.type(), forms)) {
                        matched[i] = true;
                        assignment[r] = i;
                        break;
                    }
                }
            }
        }
        int tp = 0;
        List<String> spurious = new ArrayList<>();
        for (int r = 0; r < reported.size(); r++) {
            Entity e = reported.get(r);
            if (assignment[r] >= 0) {
                tp++;
                continue;
            }
            Set<String> forms = forms(e.name(), e.aliases());
            boolean repeat = gold.required.stream().anyMatch(g -> g.matches(e.type(), forms));
            if (!repeat && gold.optional.stream().anyMatch(o -> o.matches(e.type(), forms))) {
                continue;
            }
            spurious.add(e.name() + " (" + e.type() + (repeat ? ", repeat" : "") + ")");
        }
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < matched.length; i++) {
            if (!matched[i]) {
                missed.add(gold.required.get(i).name + " (" + gold.required.get(i).type + ")");
            }
        }
        return new DocScore(doc, tp, spurious.size(), missed.size(), spurious, missed);
    }

    /** A readable table: one row per document, the overall micro average, then FP/FN names. */
    public static String format(EvalReport report) {
        StringBuilder sb = new StringBuilder();
        String row = "%-32s %4s %4s %4s %7s %7s %7s%n";
        sb.append(String.format(Locale.ROOT, row, "document", "TP", "FP", "FN", "P", "R", "F1"));
        for (DocScore d : report.documents()) {
            sb.append(String.format(Locale.ROOT, "%-32s %4d %4d %4d %7.3f %7.3f %7.3f%n", d.document(),
                    d.truePositives(), d.falsePositives(), d.falseNegatives(), d.precision(), d.recall(), d.f1()));
        }
        sb.append(String.format(Locale.ROOT, "%-32s %4d %4d %4d %7.3f %7.3f %7.3f%n", "overall (micro)",
                report.truePositives(), report.falsePositives(), report.falseNegatives(),
                report.precision(), report.recall(), report.f1()));
        for (DocScore d : report.documents()) {
            if (!d.spurious().isEmpty() || !d.missed().isEmpty()) {
                sb.append(d.document()).append('\n');
                if (!d.spurious().isEmpty()) {
                    sb.append("  false positives: ").append(String.join("; ", d.spurious())).append('\n');
                }
                if (!d.missed().isEmpty()) {
                    sb.append("  false negatives: ").append(String.join("; ", d.missed())).append('\n');
                }
            }
        }
        if (!report.unknown().isEmpty()) {
            sb.append("not in the gold file (not scored): ").append(String.join(", ", report.unknown())).append('\n');
        }
        return sb.toString();
    }

    static String normalizeForm(String s) {
        String n = s.strip().replace('\u2019', '\'').toLowerCase(Locale.ROOT);
        if (n.endsWith("'s")) {
            n = n.substring(0, n.length() - 2);
        }
        return n.strip();
    }

    private static Set<String> forms(String name, List<String> aliases) {
        Set<String> out = new HashSet<>();
        out.add(normalizeForm(name));
        for (String a : aliases) {
            out.add(normalizeForm(a));
        }
        return out;
    }

    private static List<GoldEntity> entities(Path file, String doc, JsonNode array) {
        List<GoldEntity> out = new ArrayList<>();
        if (array == null || array.isNull()) {
            return out;
        }
        for (JsonNode n : array) {
            String name = n.path("name").asText(null);
            String type = n.path("type").asText(null);
            if (name == null || type == null) {
                throw new IllegalArgumentException("gold file " + file + ", document " + doc
                        + ": every entity needs a \"name\" and a \"type\", got " + n);
            }
            EntityType t;
            try {
                t = EntityType.valueOf(type);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("gold file " + file + ", document " + doc + ": unknown type \""
                        + type + "\" (expected PERSON, ORGANIZATION, LOCATION or MISC)", e);
            }
            List<String> aliases = new ArrayList<>();
            n.path("aliases").forEach(a -> aliases.add(a.asText()));
            out.add(new GoldEntity(name, t, forms(name, aliases)));
        }
        return out;
    }

    private record GoldDoc(List<GoldEntity> required, List<GoldEntity> optional) {
    }

    private record GoldEntity(String name, EntityType type, Set<String> forms) {
        boolean matches(EntityType reportedType, Set<String> reportedForms) {
            if (reportedType != type) {
                return false;
            }
            for (String f : reportedForms) {
                if (forms.contains(f)) {
                    return true;
                }
            }
            return false;
        }
    }

}
