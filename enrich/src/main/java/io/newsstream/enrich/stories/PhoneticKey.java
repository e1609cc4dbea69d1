package io.newsstream.enrich.stories;

import java.util.Locale;

/**
 * A coarse sound key of a name in Latin letters, so that a romanisation (an invented "dorimbang",
 * "pyomunseok") and the customary English spelling of the same name ("Dorimbang", "Pyo Moon-suk") meet. Consonants fall into
 * classes that transliterations confuse (k/g/c/q, t/d, p/b/f/v, j/ch/z, s/sh, l/r, m, n, ng as its own,
 * h before a vowel), every run of vowels (with w and y) is one {@code V}, a repeated class counts once,
 * spaces and hyphens are ignored, and what English writes but Korean spelling of a foreign name does not
 * sound is dropped: a silent final e, an r after a vowel and before a consonant or the end, an h not before
 * a vowel. Pure and thread-safe.
 *
 * <p>A key is only trusted with {@value #MIN_CONSONANTS} consonant classes or more; shorter keys
 * (two consonants and a vowel between, as in a short city name or
 * a two-syllable given name) collide with too many words.
 */
public final class PhoneticKey {

    /** Consonant classes a key needs before it is used. */
    public static final int MIN_CONSONANTS = 3;

    private PhoneticKey() {
    }

    /** The key of a name (its tokens joined), or "" when it has no Latin letter. */
    public static String of(String name) {
        StringBuilder out = new StringBuilder();
        StringBuilder token = new StringBuilder();
        String lower = name.toLowerCase(Locale.ROOT);
        for (int i = 0; i <= lower.length(); i++) {
            char c = i < lower.length() ? lower.charAt(i) : ' ';
            if (c >= 'a' && c <= 'z') {
                token.append(c);
            } else if (c == '\'' || c == '\u2019') {
                continue;
            } else if (token.length() > 0) {
                append(out, token);
                token.setLength(0);
            }
        }
        if (out.length() > 0 && out.charAt(out.length() - 1) == 'V') {
            out.setLength(out.length() - 1);
        }
        return out.toString();
    }

    /** How many consonant classes {@code key} holds. */
    public static int consonants(String key) {
        int n = 0;
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) != 'V') {
                n++;
            }
        }
        return n;
    }

    /** Whether {@code key} is long enough to be trusted. */
    public static boolean usable(String key) {
        return consonants(key) >= MIN_CONSONANTS;
    }

    private static boolean vowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y' || c == 'w';
    }

    /** Appends the classes of one lower-case token to {@code out}, merging a repeated class across the join. */
    private static void append(StringBuilder out, StringBuilder token) {
        String t = token.toString();
        if (t.length() > 3 && t.endsWith("e") && !vowel(t.charAt(t.length() - 2))) {
            t = t.substring(0, t.length() - 1);
        }
        int n = t.length();
        for (int i = 0; i < n; i++) {
            char c = t.charAt(i);
            char next = i + 1 < n ? t.charAt(i + 1) : 0;
            boolean nextVowel = next != 0 && vowel(next);
            boolean prevVowel = i > 0 && vowel(t.charAt(i - 1));
            char cls;
            if (vowel(c)) {
                cls = 'V';
            } else if (c == 'c' && next == 'h') {
                cls = 'J';
                i++;
            } else if ((c == 's' || c == 'z') && next == 'h') {
                cls = c == 's' ? 'S' : 'J';
                i++;
            } else if ((c == 'p' && next == 'h')) {
                cls = 'P';
                i++;
            } else if ((c == 't' || c == 'k' || c == 'g' || c == 'd' || c == 'b') && next == 'h') {
                cls = klass(c);
                i++;
            } else if (c == 'n' && next == 'g') {
                cls = 'G';
                i++;
            } else if (c == 'c') {
                cls = next == 'e' || next == 'i' || next == 'y' ? 'S' : 'K';
            } else if (c == 'x') {
                if (i == 0 && out.length() == 0) {
                    cls = 'S';
                } else {
                    put(out, 'K');
                    cls = 'S';
                }
            } else if (c == 'h') {
                if (!nextVowel) {
                    continue;
                }
                cls = 'H';
            } else if (c == 'r' && prevVowel && !nextVowel) {
                continue;
            } else {
                cls = klass(c);
            }
            put(out, cls);
        }
    }

    private static char klass(char c) {
        return switch (c) {
            case 'k', 'g', 'q' -> 'K';
            case 't', 'd' -> 'T';
            case 'p', 'b', 'f', 'v' -> 'P';
            case 'j', 'z' -> 'J';
            case 's' -> 'S';
            case 'l', 'r' -> 'L';
            case 'm' -> 'M';
            case 'n' -> 'N';
            default -> 'V';
        };
    }

    private static void put(StringBuilder out, char cls) {
        int last = out.length() - 1;
        if (last >= 0 && (out.charAt(last) == cls || (out.charAt(last) == 'G' && cls == 'K'))) {
            return;
        }
        out.append(cls);
    }
}
