package io.newsstream.enrich.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * An immutable word-to-valence table in VADER's format ({@code token<TAB>mean<TAB>sd<TAB>ratings}),
 * keyed by the lower-case token. The default is VADER's own lexicon, shipped as a resource.
 */
public final class VaderLexicon {
    /** Classpath location of VADER's lexicon. */
    public static final String DEFAULT_RESOURCE = "/io/newsstream/enrich/sentiment/vader_lexicon.txt";

    private final Map<String, Double> valences;

    private VaderLexicon(Map<String, Double> valences) {
        this.valences = valences;
    }

    /** VADER's lexicon from {@link #DEFAULT_RESOURCE}; fails fast if it is missing or malformed. */
    public static VaderLexicon loadDefault() {
        return load(DEFAULT_RESOURCE);
    }

    /** Loads a lexicon in VADER's format from a classpath resource. */
    public static VaderLexicon load(String resource) {
        Map<String, Double> map = new HashMap<>(16_384);
        try (InputStream in = VaderLexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("sentiment lexicon resource not found on the classpath: " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int lineNo = 0;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                int tab = line.indexOf('\t');
                int tab2 = tab < 0 ? -1 : line.indexOf('\t', tab + 1);
                if (tab <= 0) {
                    throw new IllegalStateException("malformed sentiment lexicon line " + lineNo + " in " + resource
                            + ": expected token<TAB>valence, got: " + line);
                }
                String valence = tab2 < 0 ? line.substring(tab + 1) : line.substring(tab + 1, tab2);
                try {
                    map.put(line.substring(0, tab), Double.parseDouble(valence.trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalStateException("malformed valence on sentiment lexicon line " + lineNo + " in "
                            + resource + ": " + valence, e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sentiment lexicon " + resource, e);
        }
        return new VaderLexicon(Map.copyOf(map));
    }

    /** The valence of a lower-case token, or {@code NaN} when the lexicon does not know it. */
    public double valence(String lowerToken) {
        Double v = valences.get(lowerToken);
        return v == null ? Double.NaN : v;
    }

    /** Whether the lexicon knows this lower-case token. */
    public boolean contains(String lowerToken) {
        return valences.containsKey(lowerToken);
    }

    /** Number of entries. */
    public int size() {
        return valences.size();
    }
}
