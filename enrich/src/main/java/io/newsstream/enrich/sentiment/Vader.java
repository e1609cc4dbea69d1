package io.newsstream.enrich.sentiment;

import java.util.Arrays;

/**
 * A faithful Java port of VADER's {@code SentimentIntensityAnalyzer.polarity_scores} (Hutto &amp; Gilbert
 * 2014, as the vader-sentiment 1.1.3 JavaScript port has it), quirks included: it is the baseline the
 * news layer builds on and is tested against VADER's published outputs. Thread-safe.
 */
public final class Vader {
    private final VaderLexicon lexicon;

    /** A scorer over the given lexicon. */
    public Vader(VaderLexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** A scorer over VADER's own lexicon. */
    public static Vader withDefaultLexicon() {
        return new Vader(VaderLexicon.loadDefault());
    }

    /** VADER's negative, neutral and positive shares and compound score of {@code text}. */
    public VaderScores polarityScores(String text) {
        String[] words = wordsAndEmoticons(text);
        int n = words.length;
        String[] lower = new String[n];
        for (int i = 0; i < n; i++) {
            lower[i] = words[i].toLowerCase(java.util.Locale.ROOT);
        }
        double[] base = new double[n];
        for (int i = 0; i < n; i++) {
            base[i] = lexicon.valence(lower[i]);
        }
        double[] valences = new double[n];
        VaderRules.valences(words, words, lower, n, base, VaderRules.capDifferential(words, n), VaderRules.NEGATE,
                valences);
        VaderRules.butCheck(words, n, valences);
        int exclamations = 0;
        int questions = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '!') {
                exclamations++;
            } else if (c == '?') {
                questions++;
            }
        }
        return VaderRules.scoreValence(valences, n, VaderRules.punctuationAmplifier(exclamations, questions));
    }

    /**
     * VADER's tokens: whitespace-separated, single characters dropped, and one run of leading or trailing
     * punctuation from VADER's list stripped when what remains is a punctuation-free word of two or more
     * characters (so emoticons and contractions survive).
     */
    static String[] wordsAndEmoticons(String text) {
        String[] out = new String[16];
        int n = 0;
        int len = text.length();
        int i = 0;
        while (i < len) {
            while (i < len && VaderRules.isSpace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < len && !VaderRules.isSpace(text.charAt(i))) {
                i++;
            }
            if (i - start > 1) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, n * 2);
                }
                out[n++] = stripPunctuation(text.substring(start, i));
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static String stripPunctuation(String token) {
        int len = token.length();
        int lead = 0;
        while (lead < len && VaderRules.isPunct(token.charAt(lead))) {
            lead++;
        }
        if (lead > 0) {
            return strippedIfWord(token, lead, len, token.substring(0, lead));
        }
        int trail = len;
        while (trail > 0 && VaderRules.isPunct(token.charAt(trail - 1))) {
            trail--;
        }
        if (trail < len) {
            return strippedIfWord(token, 0, trail, token.substring(trail));
        }
        return token;
    }

    private static String strippedIfWord(String token, int from, int to, String affix) {
        if (to - from < 2 || !VaderRules.PUNC_LIST.contains(affix)) {
            return token;
        }
        for (int i = from; i < to; i++) {
            if (VaderRules.isPunct(token.charAt(i))) {
                return token;
            }
        }
        return token.substring(from, to);
    }
}
