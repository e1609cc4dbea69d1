package io.newsstream.enrich.stories;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Hangul to Latin letters, algorithmically: a precomposed syllable (U+AC00 to U+D7A3) is
 * {@code 0xAC00 + (initial * 21 + medial) * 28 + final}, and each part has its Revised Romanization
 * (the South Korean standard of 2000; the tables below follow its rules for the letters in isolation,
 * without the sound changes between syllables). Pure and thread-safe.
 */
public final class Hangul {

    private static final int FIRST = 0xAC00;
    private static final int LAST = 0xD7A3;

    /** Revised Romanization of the 19 initial consonants, in Unicode order (ㅇ is silent at the start). */
    private static final String[] INITIALS = {"g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj",
            "ch", "k", "t", "p", "h"};
    /** The 21 vowels, in Unicode order. */
    private static final String[] MEDIALS = {"a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe",
            "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i"};
    /** The 27 final consonants (index 0: none), in Unicode order, as Revised Romanization writes them at a word's end. */
    private static final String[] FINALS = {"", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p",
            "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"};
    private static final int EU = 18;
    private static final int SILENT = 11;

    /**
     * Particles and endings that follow a noun in running Korean text, longest first: topic, subject,
     * object, possessive, place, direction, "and", "also", "only", honorific subject, "until", "from", "to
     * (a person)", plural, copula. Written for newsstream from general knowledge of Korean grammar.
     */
    static final List<String> PARTICLES = List.of(
            "에서는", "에서도", "으로는", "으로도", "에게서", "께서는", "이라고", "이라는", "이었다", "이다",
            "에서", "으로", "께서", "까지", "부터", "에게", "한테", "보다", "처럼", "마저", "조차", "라고",
            "라는", "들이", "들은", "들을", "들의", "에는", "에도", "와의", "과의", "로는", "로도",
            "은", "는", "이", "가", "을", "를", "의", "에", "로", "와", "과", "도", "만", "들", "랑");

    /**
     * Other common romanisations of frequent Korean family names where they differ in sound class from
     * the Revised Romanization (이 is "Lee", "Yi" or "Rhee", not "I"; 박 "Park"; 노 "Roh" ...). General
     * facts about how Korean names are spelled in English; the Revised forms come from the tables.
     */
    static final Map<Character, List<String>> SURNAMES = Map.ofEntries(
            Map.entry('이', List.of("lee", "rhee", "yi")),
            Map.entry('리', List.of("lee", "ri")),
            Map.entry('임', List.of("lim", "rim")),
            Map.entry('유', List.of("ryu", "yoo")),
            Map.entry('류', List.of("ryu", "yoo")),
            Map.entry('노', List.of("roh", "noh")),
            Map.entry('나', List.of("ra", "na")),
            Map.entry('양', List.of("yang", "ryang")),
            Map.entry('염', List.of("yeom", "yum")),
            Map.entry('엄', List.of("um", "eom")),
            Map.entry('우', List.of("woo")),
            Map.entry('여', List.of("yeo", "yuh")),
            Map.entry('오', List.of("oh")),
            Map.entry('안', List.of("ahn")));

    private Hangul() {
    }

    /** Whether {@code c} is a precomposed Hangul syllable. */
    public static boolean isSyllable(int c) {
        return c >= FIRST && c <= LAST;
    }

    /** The Revised Romanization of a run of Hangul syllables, letter by letter; other characters are dropped. */
    public static String romanize(String hangul) {
        return romanize(hangul, false);
    }

    /**
     * As {@link #romanize(String)}; with {@code loanwords}, the vowel ㅡ of a syllable with a consonant
     * and no final is left out: Korean adds it after a consonant that ends a syllable in the source
     * language ("스" in the spelling of "-s", "브" of "-b"), so the spelling of a foreign name meets it.
     */
    static String romanize(String hangul, boolean loanwords) {
        StringBuilder out = new StringBuilder(hangul.length() * 3);
        for (int i = 0; i < hangul.length(); i++) {
            char c = hangul.charAt(i);
            if (!isSyllable(c)) {
                continue;
            }
            int s = c - FIRST;
            int initial = s / (21 * 28);
            int medial = (s / 28) % 21;
            int fin = s % 28;
            out.append(INITIALS[initial]);
            if (!(loanwords && medial == EU && fin == 0 && initial != SILENT)) {
                out.append(MEDIALS[medial]);
            }
            out.append(FINALS[fin]);
        }
        return out.toString();
    }

    /** {@code word} without one trailing particle or ending ({@link #PARTICLES}), keeping at least two syllables. */
    public static String stripParticle(String word) {
        for (String p : PARTICLES) {
            if (word.length() - p.length() >= 2 && word.endsWith(p)) {
                return word.substring(0, word.length() - p.length());
            }
        }
        return word;
    }

    /**
     * Romanisations of {@code word} to compare with Latin spellings: the Revised Romanization (loanword
     * form, see {@link #romanize(String, boolean)}) and, when the first syllable is a family name with
     * other customary spellings, each of those followed by the rest.
     */
    static List<String> spellings(String word) {
        String rest = romanize(word.substring(1), true);
        String first = romanize(word.substring(0, 1), true);
        List<String> variants = SURNAMES.get(word.charAt(0));
        if (variants == null) {
            return List.of(first + rest);
        }
        List<String> out = new ArrayList<>(variants.size() + 1);
        out.add(first + rest);
        for (String v : variants) {
            out.add(v + rest);
        }
        return out;
    }
}
