package io.newsstream.app.reliability;

import io.newsstream.common.model.RawArticle;
import io.newsstream.common.model.Source;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates seed-like articles for the reliability tests: a few sentences recombined from
 * {@code reliability/sentences.txt} with names from {@code reliability/names.txt}, each with its own
 * id ({@code prefix-00042}). The same seed gives the same articles.
 */
final class ArticleCorpus {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(PERSON2?|ORG|PLACE2?|COUNTRY|N|M|DAY)}");
    private static final Instant PUBLISHED = Instant.parse("2025-01-10T08:00:00Z");

    private final List<String> sentences;
    private final Map<String, List<String>> names;

    private ArticleCorpus(List<String> sentences, Map<String, List<String>> names) {
        this.sentences = sentences;
        this.names = names;
    }

    /** The corpus from the test resources. */
    static ArticleCorpus load() {
        List<String> sentences = lines("reliability/sentences.txt");
        Map<String, List<String>> names = new HashMap<>();
        String section = null;
        for (String line : lines("reliability/names.txt")) {
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1);
                names.put(section, new ArrayList<>());
            } else if (section != null) {
                names.get(section).add(line);
            }
        }
        return new ArticleCorpus(sentences, names);
    }

    /**
     * {@code count} articles of {@code sentencesEach} sentences, ids {@code prefix-00000} upwards.
     */
    List<RawArticle> articles(String prefix, int count, int sentencesEach, long seed) {
        Random random = new Random(seed);
        List<RawArticle> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Map<String, String> cast = cast(random);
            StringBuilder text = new StringBuilder();
            for (int s = 0; s < sentencesEach; s++) {
                if (s > 0) {
                    text.append(s % 3 == 0 ? "\n" : " ");
                }
                text.append(fill(sentences.get(random.nextInt(sentences.size())), cast));
            }
            String title = cast.get("ORG") + " flight lost near " + cast.get("PLACE");
            out.add(RawArticle.of(String.format("%s-%05d", prefix, i), new Source("Reliability Test Wire", null), title,
                    PUBLISHED.plusSeconds(60L * i), Instant.now(), "en", text.toString()));
        }
        return out;
    }

    /** Articles with planted near-verbatim copies: {@code copyOf} maps each copy's id to its original's. */
    record WithCopies(List<RawArticle> articles, Map<String, String> copyOf) {
    }

    /**
     * {@code articles} with every {@code every}-th one (after the first {@code every}) replaced, id kept, by a
     * near-verbatim copy of one of the 20 originals before it: the same body between page furniture, under
     * another outlet and headline, as a wire reprint would be.
     */
    static WithCopies withCopies(List<RawArticle> articles, int every, long seed) {
        Random random = new Random(seed);
        List<RawArticle> out = new ArrayList<>(articles.size());
        Map<String, String> copyOf = new java.util.LinkedHashMap<>();
        List<RawArticle> originals = new ArrayList<>();
        for (int i = 0; i < articles.size(); i++) {
            RawArticle a = articles.get(i);
            if (i >= every && i % every == every - 1) {
                RawArticle original = originals.get(originals.size() - 1 - random.nextInt(Math.min(20, originals.size())));
                out.add(RawArticle.of(a.id(), new Source("Reliability Reprints", null), "Reprint: " + original.title(),
                        a.publishedAt(), a.ingestedAt(), "en", "Advertisement\n" + original.text() + "\nShare this story"));
                copyOf.put(a.id(), original.id());
            } else {
                out.add(a);
                originals.add(a);
            }
        }
        return new WithCopies(List.copyOf(out), copyOf);
    }

    private Map<String, String> cast(Random random) {
        Map<String, String> m = new HashMap<>();
        m.put("PERSON", pick(random, "PERSON"));
        String other;
        do {
            other = pick(random, "PERSON");
        } while (other.equals(m.get("PERSON")));
        m.put("PERSON2", other);
        m.put("ORG", pick(random, "ORG"));
        m.put("PLACE", pick(random, "PLACE"));
        m.put("PLACE2", pick(random, "PLACE"));
        m.put("COUNTRY", pick(random, "COUNTRY"));
        m.put("DAY", pick(random, "DAY"));
        m.put("N", Integer.toString(5 + random.nextInt(200)));
        m.put("M", Integer.toString(1 + random.nextInt(40)));
        return m;
    }

    private String pick(Random random, String section) {
        List<String> list = names.get(section);
        return list.get(random.nextInt(list.size()));
    }

    private static String fill(String template, Map<String, String> cast) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(cast.get(m.group(1))));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static List<String> lines(String resource) {
        try (InputStream in = ArticleCorpus.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + resource + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
