package io.newsstream.bench;

import io.newsstream.common.config.NewsstreamConfig;
import io.newsstream.common.model.RawArticle;
import io.newsstream.common.model.Source;
import io.newsstream.ingest.read.ArticleReader;
import io.newsstream.ingest.read.ReadResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The articles the bench enriches: the seed articles as ingest reads them, plus seed-like variants
 * made from them at run time. A variant is a new article of a seed's length whose sentences are drawn
 * at random from all the seeds' sentences and whose numbers are changed, so any two variants share
 * only a few sentences: related articles about the same events, not copies of one another (a
 * near-duplicate detector must not treat them as duplicates, or the bench would measure the shortcut).
 * The same {@code seed} gives the same articles in every JVM, so the enrich worker and the producer
 * need not ship articles to each other.
 */
public final class Corpus {

    /** Ends of sentences: a full stop, question or exclamation mark (maybe closed by a quote) before a capital. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?][\"\u201d\u2019]?)\\s+(?=[\"\u201c\\p{Lu}])");
    private static final Pattern NUMBER = Pattern.compile("\\b\\d{1,4}\\b");

    private final List<RawArticle> seeds;
    private final List<String> sentences;

    private Corpus(List<RawArticle> seeds) {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("no seed articles to build the bench corpus from");
        }
        this.seeds = List.copyOf(seeds);
        List<String> pool = new ArrayList<>();
        for (RawArticle a : seeds) {
            for (String line : a.text().split("\n")) {
                for (String s : SENTENCE_END.split(line.strip())) {
                    if (s.length() >= 20) {
                        pool.add(s);
                    }
                }
            }
        }
        this.sentences = List.copyOf(pool);
    }

    /**
     * Reads the articles of {@code seedsDir} through ingest's reader (the cleaning production applies).
     *
     * @throws IllegalArgumentException naming the folder when it holds no readable article
     */
    public static Corpus load(Path seedsDir) {
        if (!Files.isDirectory(seedsDir)) {
            throw new IllegalArgumentException("no seeds folder at " + seedsDir.toAbsolutePath()
                    + " (run from the repository root, or pass --seeds DIR)");
        }
        List<RawArticle> seeds = new ArrayList<>();
        for (ReadResult r : ArticleReader.create(NewsstreamConfig.defaults()).read(seedsDir)) {
            if (r.isAccepted()) {
                seeds.add(r.article());
            }
        }
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("no readable article in " + seedsDir.toAbsolutePath());
        }
        return new Corpus(seeds);
    }

    /** A corpus of the given seed articles (for tests). */
    public static Corpus of(List<RawArticle> seeds) {
        return new Corpus(seeds);
    }

    /** How many seed articles the corpus was built from. */
    public int seedCount() {
        return seeds.size();
    }

    /**
     * {@code count} articles: the seeds first (ids re-issued with {@code idPrefix}), then variants.
     * Ids are {@code idPrefix-0}, {@code idPrefix-1}, ...; the same arguments give the same articles.
     */
    public List<RawArticle> articles(int count, String idPrefix, long seed) {
        Objects.requireNonNull(idPrefix, "idPrefix");
        Random random = new Random(seed);
        Instant now = Instant.now();
        List<RawArticle> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = idPrefix + "-" + i;
            if (i < seeds.size()) {
                RawArticle s = seeds.get(i);
                out.add(RawArticle.of(id, s.source(), s.title(), s.publishedAt(), now, s.language(), s.text()));
            } else {
                RawArticle model = seeds.get(random.nextInt(seeds.size()));
                String text = variantText(model.text().length(), random);
                out.add(RawArticle.of(id, new Source("bench-variant", null), headline(text), model.publishedAt(), now,
                        model.language(), text));
            }
        }
        return out;
    }

    /**
     * {@code count} generated variants of about {@code length} characters each, without ids (ids are
     * left null for ingest to derive), for archives too large to hold: callers ask batch by batch with
     * a different {@code seed} each.
     */
    public List<RawArticle> variants(int count, int length, long seed) {
        Random random = new Random(seed);
        Instant now = Instant.now();
        List<RawArticle> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            RawArticle model = seeds.get(random.nextInt(seeds.size()));
            String text = variantText(length, random);
            out.add(RawArticle.of(null, new Source("bench-variant", null), headline(text), model.publishedAt(), now,
                    model.language(), text));
        }
        return out;
    }

    /**
     * A copy of {@code original} as a second outlet would publish it: the same title and text under
     * another id and source.
     */
    public static RawArticle copyOf(RawArticle original, String id) {
        return RawArticle.of(id, new Source("bench-copy", null), original.title(), original.publishedAt(),
                Instant.now(), original.language(), original.text());
    }

    private String variantText(int targetLength, Random random) {
        StringBuilder text = new StringBuilder(targetLength + 200);
        List<String> pool = new ArrayList<>(sentences);
        int inParagraph = 0;
        int paragraphLength = 2 + random.nextInt(3);
        while (text.length() < targetLength && !pool.isEmpty()) {
            String sentence = renumber(pool.remove(random.nextInt(pool.size())), random);
            if (text.length() > 0) {
                text.append(inParagraph == 0 ? "\n" : " ");
            }
            text.append(sentence);
            if (++inParagraph == paragraphLength) {
                inParagraph = 0;
                paragraphLength = 2 + random.nextInt(3);
            }
        }
        return text.toString();
    }

    /** The first words of the text's first sentence, as a headline would give them. */
    private static String headline(String text) {
        String[] words = SENTENCE_END.split(text, 2)[0].split("\\s+");
        String title = String.join(" ", java.util.Arrays.copyOf(words, Math.min(words.length, 10)));
        return title.replaceAll("[.,;:!?\"\u201d]+$", "");
    }

    private static String renumber(String sentence, Random random) {
        Matcher m = NUMBER.matcher(sentence);
        StringBuilder out = new StringBuilder(sentence.length());
        while (m.find()) {
            int digits = m.group().length();
            int bound = digits == 1 ? 10 : (int) Math.pow(10, digits);
            int low = digits == 1 ? 1 : bound / 10;
            m.appendReplacement(out, Integer.toString(low + random.nextInt(bound - low)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
