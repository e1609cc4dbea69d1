package io.newsstream.enrich.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The news-domain layer's vocabulary ({@code news_lexicon.tsv}): per word or phrase, an optional valence
 * that replaces VADER's and a set of roles (harm, courtesy, direction of change, ...). Immutable.
 */
public final class NewsLexicon {
    /** Classpath location of the default news lexicon. */
    public static final String DEFAULT_RESOURCE = "/io/newsstream/enrich/sentiment/news_lexicon.tsv";

    static final int HARM = 1;
    static final int NEUTRAL = 1 << 1;
    static final int NEGATOR = 1 << 2;
    static final int COURTESY = 1 << 3;
    static final int RITUAL = 1 << 4;
    static final int UP = 1 << 5;
    static final int DOWN = 1 << 6;
    static final int QTY_GOOD = 1 << 7;
    static final int QTY_BAD = 1 << 8;
    static final int FURNITURE = 1 << 9;
    static final int TONE = 1 << 10;
    /** A currency or unit when it follows an amount ("70,000 won"): then it has no tone. */
    static final int UNIT = 1 << 11;
    /** A number word that makes an amount ("billion"), as a numeral does. */
    static final int AMOUNT = 1 << 12;

    private static final Map<String, Integer> KINDS = Map.ofEntries(Map.entry("harm", HARM),
            Map.entry("neutral", NEUTRAL), Map.entry("negator", NEGATOR), Map.entry("courtesy", COURTESY),
            Map.entry("ritual", RITUAL), Map.entry("up", UP), Map.entry("down", DOWN), Map.entry("qty+", QTY_GOOD),
            Map.entry("qty-", QTY_BAD), Map.entry("furniture", FURNITURE), Map.entry("tone", TONE),
            Map.entry("unit", UNIT), Map.entry("amount", AMOUNT));

    /**
     * One word's or phrase's entry.
     *
     * @param words   the phrase's words (one for a single word)
     * @param valence the news valence, {@code NaN} to keep VADER's
     * @param flags   the roles, a bit set of this class's constants
     */
    record Entry(String[] words, double valence, int flags) {
        boolean has(int flag) {
            return (flags & flag) != 0;
        }
    }

    private final Map<String, Entry> words;
    private final Map<String, List<Entry>> phrasesByFirstWord;
    private final Set<String> negators;

    private NewsLexicon(Map<String, Entry> words, Map<String, List<Entry>> phrases, Set<String> negators) {
        this.words = words;
        this.phrasesByFirstWord = phrases;
        this.negators = negators;
    }

    /** The default news lexicon; fails fast if it is missing or malformed. */
    public static NewsLexicon loadDefault() {
        return load(DEFAULT_RESOURCE);
    }

    /** Loads a news lexicon from a classpath resource in {@code term<TAB>valence<TAB>kind} form. */
    public static NewsLexicon load(String resource) {
        Map<String, double[]> valences = new HashMap<>();
        Map<String, Integer> flags = new HashMap<>();
        try (InputStream in = NewsLexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("news sentiment lexicon not found on the classpath: " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int lineNo = 0;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length != 3) {
                    throw new IllegalStateException("malformed line " + lineNo + " in " + resource
                            + ": expected term<TAB>valence<TAB>kind, got: " + line);
                }
                String term = f[0].trim().toLowerCase(Locale.ROOT);
                Integer kind = KINDS.get(f[2].trim());
                if (kind == null) {
                    throw new IllegalStateException("unknown kind '" + f[2] + "' on line " + lineNo + " in " + resource
                            + "; known: " + KINDS.keySet());
                }
                flags.merge(term, kind, (a, b) -> a | b);
                if (!f[1].trim().equals("-")) {
                    try {
                        double v = Double.parseDouble(f[1].trim());
                        valences.putIfAbsent(term, new double[] {v});
                    } catch (NumberFormatException e) {
                        throw new IllegalStateException("malformed valence '" + f[1] + "' on line " + lineNo + " in "
                                + resource, e);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read news sentiment lexicon " + resource, e);
        }
        Map<String, Entry> words = new HashMap<>();
        Map<String, List<Entry>> phrases = new HashMap<>();
        Set<String> negators = new HashSet<>(VaderRules.NEGATE);
        for (Map.Entry<String, Integer> e : flags.entrySet()) {
            double[] v = valences.get(e.getKey());
            Entry entry = new Entry(e.getKey().split(" "), v == null ? Double.NaN : v[0], e.getValue());
            if (entry.words().length == 1) {
                words.put(e.getKey(), entry);
            } else {
                phrases.computeIfAbsent(entry.words()[0], k -> new ArrayList<>()).add(entry);
            }
            if (entry.has(NEGATOR)) {
                negators.add(e.getKey());
            }
        }
        Map<String, List<Entry>> sortedPhrases = new HashMap<>();
        phrases.forEach((k, list) -> {
            list.sort(Comparator.comparingInt((Entry en) -> en.words().length).reversed());
            sortedPhrases.put(k, List.copyOf(list));
        });
        return new NewsLexicon(Map.copyOf(words), Map.copyOf(sortedPhrases), Set.copyOf(negators));
    }

    /** The entry of a lower-case word, or null. */
    Entry word(String lower) {
        return words.get(lower);
    }

    /** The longest phrase starting at word {@code i} of {@code lower}, or null. */
    Entry phraseAt(String[] lower, int i, int n) {
        List<Entry> candidates = phrasesByFirstWord.get(lower[i]);
        if (candidates == null) {
            return null;
        }
        outer:
        for (Entry e : candidates) {
            String[] w = e.words();
            if (i + w.length > n) {
                continue;
            }
            for (int k = 1; k < w.length; k++) {
                if (!w[k].equals(lower[i + k])) {
                    continue outer;
                }
            }
            return e;
        }
        return null;
    }

    /** VADER's negations plus the news layer's. */
    Set<String> negators() {
        return negators;
    }
}
