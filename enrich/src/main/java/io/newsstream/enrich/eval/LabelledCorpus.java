package io.newsstream.enrich.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsstream.common.config.SharedFolder;
import io.newsstream.common.model.RawArticle;
import io.newsstream.common.serde.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A labelled set of articles, in the order a stream would bring them, read where it lives: a corpus
 * folder ({@code articles.jsonl} + {@code labels.json}, as {@code ../shared/corpora/*}) or article files
 * with a gold file keyed by file name (as {@code ../shared/gold/seeds-entities.json} for the seeds).
 * The one loader behind {@code newsstream eval}, the quality tests and the bench.
 *
 * <p>Articles are read by the caller's {@link ArticleFiles} (production's reader, so the cleaning ingest
 * applies is applied here too), then put in {@code publishedAt} order, undated ones after the dated in
 * file order. Each gets a synthetic, strictly increasing {@code ingestedAt} by one of two {@link Clock}s:
 * {@link Clock#INGEST} (the default, {@link #items()}), as {@code newsstream ingest} of the corpus file
 * gives them, one {@link #INGEST_STEP} apart from the latest publication time (or {@link #START}), so that the story step's quiet period
 * and time decay see the articles' publication times only, as in the topology; or
 * {@link Clock#PUBLICATION}, a live replay where each article arrives at its {@code publishedAt} (one
 * {@link #STEP} after the previous article where that is not later), so that stories also expire from
 * state between publications and an undated article, arriving after all dated ones, finds only the
 * stories still open then.
 */
public final class LabelledCorpus {

    /** Spacing of ingest times in a {@link Clock#PUBLICATION} replay where publication times do not spread articles apart. */
    public static final Duration STEP = Duration.ofMinutes(1);
    /** Spacing of ingest times by the {@link Clock#INGEST} clock. */
    public static final Duration INGEST_STEP = Duration.ofSeconds(1);
    /**
     * Ingest time of the first article when no article before it has a time: a fixed recent day, as files
     * ingested today would have (so an undated article's named years, which stories compare, are not later
     * than its ingest; until 2026-12-06 it was 2000-01-01, which only the year comparison can tell apart).
     */
    public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    /** Where the articles' synthetic ingest times come from. */
    public enum Clock {
        /** The corpus ingested as one file: one {@link #INGEST_STEP} apart, in stream order. */
        INGEST,
        /** A live replay: each article ingested at its publication time, undated ones after the dated. */
        PUBLICATION
    }

    /** Reads article files as production reads them. */
    @FunctionalInterface
    public interface ArticleFiles {
        /**
         * Reads {@code file} (a {@code .jsonl}, {@code .json} or {@code .txt} file, or a folder).
         *
         * @return what was read, in file order; unreadable inputs as {@link Read#failed}
         */
        List<Read> read(Path file);
    }

    /**
     * One input read: the article, or why it could not be read.
     *
     * @param origin where it came from (file, or file:line)
     * @param article the article, null when unreadable
     * @param error   why it was not read, or null
     */
    public record Read(String origin, RawArticle article, String error) {
        public static Read failed(String origin, String error) {
            return new Read(origin, null, error);
        }
    }

    /**
     * One labelled article.
     *
     * @param article     the article, with its synthetic ingest time
     * @param goldKey     its key in the labels (article id, or file name for a gold file)
     * @param story       gold story key, or null
     * @param tone        gold tone (positive, neutral, negative), or null
     * @param duplicateOf gold: the article (id) it is a near-verbatim copy of, or null
     * @param hasEntities whether the labels give its entities (only those are scored)
     */
    public record Item(RawArticle article, String goldKey, String story, String tone, String duplicateOf,
                       boolean hasEntities) {
    }

    private final String name;
    private final Path labels;
    private final List<Item> items;
    private final List<Item> replay;
    private final List<String> problems;

    private LabelledCorpus(String name, Path labels, List<Item> items, List<String> problems) {
        this.name = name;
        this.labels = labels;
        this.items = streamOrder(items, Clock.INGEST);
        this.replay = streamOrder(items, Clock.PUBLICATION);
        this.problems = List.copyOf(problems);
    }

    /** The shared data folder: {@code NEWSSTREAM_SHARED} (or system property {@code newsstream.shared}), else {@code <repoRoot>/../shared}. */
    public static Path shared(Path repoRoot) {
        return SharedFolder.resolve(repoRoot);
    }

    /** Whether {@code dir} is a corpus folder (holds {@code articles.jsonl} and {@code labels.json}). */
    public static boolean isCorpus(Path dir) {
        return Files.isRegularFile(dir.resolve("articles.jsonl")) && Files.isRegularFile(dir.resolve("labels.json"));
    }

    /**
     * Reads a corpus folder.
     *
     * @throws IllegalArgumentException naming the folder when it is not a corpus or its labels cannot be read
     */
    public static LabelledCorpus folder(Path dir, ArticleFiles reader) {
        if (!isCorpus(dir)) {
            throw new IllegalArgumentException("no corpus at " + dir + " (a folder with articles.jsonl and labels.json)");
        }
        Path labelsFile = dir.resolve("labels.json");
        JsonNode labels = articles(labelsFile);
        List<Item> items = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Read r : reader.read(dir.resolve("articles.jsonl"))) {
            if (r.article() == null) {
                problems.add(r.origin() + ": " + r.error());
                continue;
            }
            String key = r.article().id();
            items.add(item(r.article(), key, labels.get(key), problems));
        }
        Path fileName = dir.toAbsolutePath().normalize().getFileName();
        return new LabelledCorpus(fileName == null ? dir.toString() : fileName.toString(), labelsFile, items,
                problems);
    }

    /**
     * Reads article files labelled by a gold file whose {@code articles} are keyed by file name.
     *
     * @throws IllegalArgumentException naming the gold file when it cannot be read
     */
    public static LabelledCorpus files(Path goldFile, List<Path> files, ArticleFiles reader) {
        JsonNode labels = articles(goldFile);
        List<Item> items = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path f : files) {
            for (Read r : reader.read(f)) {
                if (r.article() == null) {
                    problems.add(r.origin() + ": " + r.error());
                    continue;
                }
                Path p = Path.of(r.origin().replaceFirst(":\\d+$", "")).getFileName();
                String key = p == null ? r.origin() : p.toString();
                items.add(item(r.article(), key, labels.get(key), problems));
            }
        }
        Path fileName = goldFile.getFileName();
        return new LabelledCorpus(fileName == null ? goldFile.toString() : fileName.toString(), goldFile,
                items, problems);
    }

    /** Short name for reports: the folder's or gold file's name. */
    public String name() {
        return name;
    }

    /** The labels file; its {@code articles} carry entity gold as {@link EntityEvaluator} reads it. */
    public Path labels() {
        return labels;
    }

    /** The labelled articles in stream order, with {@link Clock#INGEST} times. */
    public List<Item> items() {
        return items;
    }

    /** The labelled articles in stream order, with the given clock's ingest times. */
    public List<Item> items(Clock clock) {
        return clock == Clock.INGEST ? items : replay;
    }

    /** Inputs that could not be read or have no labels, one line each. */
    public List<String> problems() {
        return problems;
    }

    private static Item item(RawArticle a, String key, JsonNode label, List<String> problems) {
        if (label == null) {
            problems.add(key + ": no labels (not scored)");
            return new Item(a, key, null, null, null, false);
        }
        return new Item(a, key, text(label, "story"), text(label, "tone"), text(label, "duplicateOf"),
                label.has("entities"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }

    private static JsonNode articles(Path file) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read labels " + file + ": " + e.getMessage(), e);
        }
        JsonNode articles = root == null ? null : root.get("articles");
        if (articles == null || !articles.isObject()) {
            throw new IllegalArgumentException("labels " + file + " have no \"articles\" object");
        }
        return articles;
    }

    /** Publication order (stable; undated last), with the {@code clock}'s synthetic ingest times. */
    static List<Item> streamOrder(List<Item> items, Clock clock) {
        List<Item> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing((Item i) -> i.article().publishedAt(), Comparator.nullsLast(Comparator.naturalOrder())));
        List<Item> out = new ArrayList<>(sorted.size());
        // a file is ingested after its articles were published: from the latest publication time on
        Instant ingestStart = sorted.stream().map(i -> i.article().publishedAt()).filter(java.util.Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(START);
        Instant previous = null;
        for (Item i : sorted) {
            RawArticle a = i.article();
            Instant t;
            if (clock == Clock.INGEST) {
                t = previous == null ? ingestStart : previous.plus(INGEST_STEP);
            } else if (previous == null) {
                t = a.publishedAt() != null ? a.publishedAt() : START;
            } else {
                Instant next = previous.plus(STEP);
                t = a.publishedAt() != null && a.publishedAt().isAfter(previous) ? a.publishedAt() : next;
            }
            previous = t;
            RawArticle timed = new RawArticle(a.schemaVersion(), a.id(), a.source(), a.title(), a.publishedAt(), t,
                    a.language(), a.text());
            out.add(new Item(timed, i.goldKey(), i.story(), i.tone(), i.duplicateOf(), i.hasEntities()));
        }
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return name + " (" + items.size() + " articles)";
    }
}
