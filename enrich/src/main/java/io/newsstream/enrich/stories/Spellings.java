package io.newsstream.enrich.stories;

import io.newsstream.common.model.Entity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How an article in Hangul, which gets no entities, still meets the Latin-script entities of its story:
 * the names of entities are keyed by sound ({@link PhoneticKey}) and by their exact letters, and so are
 * the words of a Hangul article (romanised by {@link Hangul}, with a particle stripped and, for a compound,
 * each leading part of two syllables or more: a company name followed by "electronics", a ship's name
 * followed by "ship"). The story step keeps the name keys of recent entities in its state; a Hangul word
 * whose key is there stands for that entity. Pure and thread-safe.
 */
public final class Spellings {

    /** Words of an article looked up, the most frequent. */
    static final int MAX_WORDS = 100;
    /** Shortest Latin word (in an article in another script) compared on its exact letters. */
    static final int MIN_LATIN = 3;

    private Spellings() {
    }

    /** The state key of a sound key. */
    static int soundKey(String phoneticKey) {
        return (int) MinHasher.hash("\u0002sound:" + phoneticKey);
    }

    /** The state key of a name's exact letters and digits, lower-cased. */
    static int exactKey(String lettersAndDigits) {
        return (int) MinHasher.hash("\u0002exact:" + lettersAndDigits);
    }

    /**
     * The keys of the names (canonical and aliases) of {@code entities}, each to the id of the first
     * entity, in order, that has it: what a Latin-script article files in the name table.
     */
    public static Map<Integer, String> ofEntities(List<Entity> entities) {
        Map<Integer, String> out = new LinkedHashMap<>();
        for (Entity e : entities) {
            if (e.id() == null) {
                continue;
            }
            List<String> names = new ArrayList<>(1 + e.aliases().size());
            names.add(e.name());
            names.addAll(e.aliases());
            for (String name : names) {
                if (name == null || !isLatin(name)) {
                    continue;
                }
                String key = PhoneticKey.of(name);
                if (PhoneticKey.usable(key)) {
                    out.putIfAbsent(soundKey(key), e.id());
                }
                String exact = lettersAndDigits(name);
                if (exact.length() >= MIN_LATIN) {
                    out.putIfAbsent(exactKey(exact), e.id());
                }
            }
        }
        return out;
    }

    /**
     * The lookups of an article mostly in Hangul (empty for any other article): per distinct word, the
     * most frequent {@value #MAX_WORDS} (a headline word counts {@link TextFeatures#TITLE_WEIGHT} times),
     * {@code [count, levels, (keys, key...)...]}, the levels longest reading first: the whole word (without
     * particle), then shorter leading parts. The story step takes the first level with a known name.
     */
    public static int[] ofText(String title, String text) {
        if (!mostlyHangul((title == null ? "" : title) + " " + (text == null ? "" : text))) {
            return new int[0];
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String w : TextFeatures.words(title)) {
            runs(w, counts, TextFeatures.TITLE_WEIGHT);
        }
        for (String w : TextFeatures.words(text)) {
            runs(w, counts, 1);
        }
        List<Map.Entry<String, Integer>> ranked = new ArrayList<>(counts.entrySet());
        ranked.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        List<Integer> out = new ArrayList<>();
        int words = 0;
        for (Map.Entry<String, Integer> e : ranked) {
            List<int[]> levels = levels(e.getKey());
            if (levels.isEmpty()) {
                continue;
            }
            out.add(e.getValue());
            out.add(levels.size());
            for (int[] level : levels) {
                out.add(level.length);
                for (int k : level) {
                    out.add(k);
                }
            }
            if (++words == MAX_WORDS) {
                break;
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The keys of one word (a run of Hangul, or of Latin letters and digits), longest reading first. */
    static List<int[]> levels(String word) {
        List<int[]> out = new ArrayList<>();
        if (Hangul.isSyllable(word.charAt(0))) {
            String w = Hangul.stripParticle(word);
            for (int n = w.length(); n >= 2; n--) {
                Set<Integer> keys = new LinkedHashSet<>();
                for (String spelling : Hangul.spellings(w.substring(0, n))) {
                    String key = PhoneticKey.of(spelling);
                    if (PhoneticKey.usable(key)) {
                        keys.add(soundKey(key));
                    }
                }
                if (!keys.isEmpty()) {
                    out.add(keys.stream().mapToInt(Integer::intValue).toArray());
                }
            }
            return out;
        }
        if (word.length() >= MIN_LATIN && !TextFeatures.STOPWORDS.contains(word)) {
            Set<Integer> keys = new LinkedHashSet<>();
            keys.add(exactKey(word));
            String key = PhoneticKey.of(word);
            if (PhoneticKey.usable(key)) {
                keys.add(soundKey(key));
            }
            out.add(keys.stream().mapToInt(Integer::intValue).toArray());
        }
        return out;
    }

    /** Splits a word into its runs of Hangul syllables and of ASCII letters and digits, counting each. */
    private static void runs(String word, Map<String, Integer> counts, int weight) {
        int i = 0;
        while (i < word.length()) {
            char c = word.charAt(i);
            int j = i;
            if (Hangul.isSyllable(c)) {
                while (j < word.length() && Hangul.isSyllable(word.charAt(j))) {
                    j++;
                }
            } else if (ascii(c)) {
                while (j < word.length() && ascii(word.charAt(j))) {
                    j++;
                }
                if (allDigits(word, i, j)) {
                    i = j;
                    continue;
                }
            } else {
                i++;
                continue;
            }
            counts.merge(word.substring(i, j), weight, Integer::sum);
            i = j;
        }
    }

    private static boolean ascii(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static boolean allDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Whether Hangul syllables outnumber Latin letters in {@code text}. */
    static boolean mostlyHangul(String text) {
        if (text == null) {
            return false;
        }
        int hangul = 0;
        int latin = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Hangul.isSyllable(c)) {
                hangul++;
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                latin++;
            }
        }
        return hangul > latin;
    }

    private static boolean isLatin(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isLetter(c) && !(c < 0x250)) {
                return false;
            }
        }
        return true;
    }

    private static String lettersAndDigits(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
            if (ascii(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
