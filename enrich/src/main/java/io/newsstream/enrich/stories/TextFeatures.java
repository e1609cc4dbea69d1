package io.newsstream.enrich.stories;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The word features stories are compared on: word shingles of the body (for near-duplicates) and the
 * counts of the content words of headline and body (for same-event similarity). Words are maximal runs of
 * letters and digits, lower-cased, so punctuation, quote styles and line breaks do not matter.
 */
public final class TextFeatures {

    /** Words per shingle: long enough that two independent write-ups rarely share one. */
    public static final int SHINGLE_WORDS = 5;
    /** Shortest word counted as a content word. */
    static final int MIN_CONTENT_WORD = 3;
    /** Terms an article is compared on: its most frequent content words. */
    public static final int MAX_TERMS = 100;
    /** How many times a headline word counts against a body word. */
    static final int TITLE_WEIGHT = 2;
    /** The earliest year {@link #latestYear} takes for a year. */
    static final int FIRST_YEAR = 1900;

    /**
     * Common English function words and reporting verbs: they say nothing about which event an article
     * is about. Written for this project from general knowledge of English (no external list).
     */
    static final Set<String> STOPWORDS = Set.of(
            "the", "and", "for", "that", "this", "with", "from", "was", "were", "are", "has", "have", "had",
            "his", "her", "hers", "its", "their", "theirs", "our", "ours", "your", "yours", "they", "them",
            "she", "him", "who", "whom", "whose", "which", "what", "when", "where", "why", "how", "not", "but",
            "all", "any", "both", "each", "few", "more", "most", "other", "some", "such", "only", "own", "same",
            "than", "too", "very", "can", "will", "just", "should", "would", "could", "might", "must", "shall",
            "may", "did", "does", "doing", "done", "been", "being", "into", "onto", "over", "under", "again",
            "further", "then", "once", "here", "there", "about", "above", "below", "between", "through",
            "during", "before", "after", "against", "out", "off", "upon", "while", "because", "until", "also",
            "said", "says", "say", "told", "tell", "according", "added", "adding", "reported", "reports",
            "report", "stated", "statement", "news", "one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "first", "second", "last", "new", "now", "still", "yet", "even", "well",
            "many", "much", "these", "those", "however", "although", "though", "within", "without", "since",
            "among", "around", "per", "via", "mr", "mrs", "ms", "dr", "year",
            "years", "day", "days", "week", "weeks", "month", "months", "monday", "tuesday", "wednesday",
            "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tomorrow", "time", "people",
            "like", "made", "make", "take", "took", "get", "got", "went", "come", "came", "back", "way", "whether");

    private TextFeatures() {
    }

    /** The words of {@code text}, lower-cased, in order. */
    public static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                w.appendCodePoint(Character.toLowerCase(cp));
            } else if (w.length() > 0) {
                out.add(w.toString());
                w.setLength(0);
            }
            i += Character.charCount(cp);
        }
        if (w.length() > 0) {
            out.add(w.toString());
        }
        return out;
    }

    /** Hashes of the {@link #SHINGLE_WORDS}-word shingles of {@code text}; a shorter text is one shingle. */
    public static Set<Long> shingles(String text) {
        List<String> words = words(text);
        Set<Long> out = new HashSet<>();
        if (words.isEmpty()) {
            return out;
        }
        int k = Math.min(SHINGLE_WORDS, words.size());
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i + k <= words.size(); i++) {
            sb.setLength(0);
            for (int j = i; j < i + k; j++) {
                sb.append(words.get(j)).append(' ');
            }
            out.add(MinHasher.hash(sb));
        }
        return out;
    }

    /**
     * The latest calendar year that {@code title} or {@code text} names, not after {@code notAfter}; 0 when
     * they name none. A year is a run of exactly four digits from {@value #FIRST_YEAR} on, not part of a longer
     * number, an amount or a decimal ({@code 1,2013}, {@code $2015}, {@code 2014.5}); a later year than
     * {@code notAfter} (a target such as "by 2030") is not one the article can be written in, so it is skipped.
     * A four-digit count in that range ("2015 people") is read as a year.
     */
    public static int latestYear(String title, String text, int notAfter) {
        return Math.max(latestYear(title, notAfter), latestYear(text, notAfter));
    }

    private static int latestYear(String s, int notAfter) {
        if (s == null) {
            return 0;
        }
        int latest = 0;
        int n = s.length();
        int i = 0;
        while (i < n) {
            if (!isAsciiDigit(s.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && isAsciiDigit(s.charAt(i))) {
                i++;
            }
            if (i - start != 4) {
                continue;
            }
            char before = start == 0 ? ' ' : s.charAt(start - 1);
            boolean numberBefore = before == '.' || before == ',' || before == '$' || before == '\u00a3'
                    || before == '\u20ac' || before == '#' || Character.isLetter(before);
            boolean numberAfter = i < n && (Character.isLetter(s.charAt(i))
                    || ((s.charAt(i) == '.' || s.charAt(i) == ',') && i + 1 < n && isAsciiDigit(s.charAt(i + 1))));
            if (numberBefore || numberAfter) {
                continue;
            }
            int year = Integer.parseInt(s, start, i, 10);
            if (year >= FIRST_YEAR && year <= notAfter && year > latest) {
                latest = year;
            }
        }
        return latest;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * The content words of headline and body as term counts, {@code [key0, count0, key1, count1, ...]}
     * for the {@link #MAX_TERMS} most frequent, most frequent first (ties: lower key first). A headline
     * word counts {@link #TITLE_WEIGHT} times: the headline names the event.
     */
    public static int[] termCounts(String title, String text) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (String w : words(title)) {
            if (isContentWord(w)) {
                counts.merge(termKey(w), TITLE_WEIGHT, Integer::sum);
            }
        }
        for (String w : words(text)) {
            if (isContentWord(w)) {
                counts.merge(termKey(w), 1, Integer::sum);
            }
        }
        List<Map.Entry<Integer, Integer>> ranked = new ArrayList<>(counts.entrySet());
        ranked.sort(Map.Entry.<Integer, Integer>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        int n = Math.min(MAX_TERMS, ranked.size());
        int[] out = new int[2 * n];
        for (int i = 0; i < n; i++) {
            out[2 * i] = ranked.get(i).getKey();
            out[2 * i + 1] = ranked.get(i).getValue();
        }
        return out;
    }

    /** The 32-bit key of a content word (after the plural fold), the same on every JVM. */
    static int termKey(String word) {
        return (int) MinHasher.hash(stem(word));
    }

    private static boolean isContentWord(String w) {
        return w.length() >= MIN_CONTENT_WORD && !STOPWORDS.contains(w) && !isNumber(w);
    }

    /** A light plural/possessive fold so "crashes" and "crash", "drones" and "drone" count as one word. */
    static String stem(String w) {
        if (w.length() > 4 && w.endsWith("ies")) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.length() > 4 && (w.endsWith("ses") || w.endsWith("xes") || w.endsWith("ches") || w.endsWith("shes"))) {
            return w.substring(0, w.length() - 2);
        }
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            return w.substring(0, w.length() - 1);
        }
        return w.toLowerCase(Locale.ROOT);
    }

    private static boolean isNumber(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (!Character.isDigit(w.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
