package io.newsstream.enrich.sentiment;

import io.newsstream.common.model.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A fast rule-based sentence splitter for English news text. Splits after {@code . ! ?} (and any closing
 * quotes or brackets) when whitespace and a sentence start follow, and at line breaks unless the next line
 * continues in lower case; does not split after titles (Mr., Dr.), initials and initialisms (J., U.S.),
 * or dates (Dec. 27). Spans exclude surrounding whitespace. Thread-safe.
 */
public final class SentenceSplitter {
    /** Abbreviations that never end a sentence: titles before a name. */
    private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "dr", "prof", "st", "gen", "col", "lt", "sgt",
            "capt", "cpt", "maj", "adm", "cmdr", "brig", "gov", "sen", "rep", "rev", "hon", "pres", "supt", "cpl", "fr",
            "mt", "ft", "vs", "v", "e.g", "i.e", "cf", "approx", "est", "dept", "univ", "ave", "rd", "blvd");
    /** Abbreviations that do not end a sentence before a number (Dec. 27, No. 10, Art. 5). */
    private static final Set<String> BEFORE_NUMBER = Set.of("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
            "sept", "oct", "nov", "dec", "no", "nos", "art", "fig", "vol", "p", "pp", "ch", "sec", "para", "op");
    /** Abbreviations that end a sentence only when a capital follows and the next word is not a name part. */
    private static final Set<String> MID_OR_END = Set.of("inc", "ltd", "co", "corp", "plc", "llc", "jr", "sr", "bros",
            "etc", "al", "a.m", "p.m");

    /** Sentence spans of {@code text}, in order. */
    public List<Span> split(String text) {
        List<Span> out = new ArrayList<>();
        int len = text.length();
        int start = skipSpace(text, 0);
        int i = start;
        while (i < len) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                int next = skipSpace(text, i);
                int breaks = 0;
                for (int k = i; k < next; k++) {
                    if (text.charAt(k) == '\n') {
                        breaks++;
                    }
                }
                boolean blankLine = breaks > 1;
                if (next >= len || blankLine || !Character.isLowerCase(text.charAt(next))) {
                    add(out, text, start, i);
                    start = next;
                }
                i = next;
                continue;
            }
            if (c == '.' || c == '!' || c == '?' || c == '\u2026') {
                int end = i + 1;
                while (end < len && isCloser(text.charAt(end)) || end < len && isTerminal(text.charAt(end))) {
                    end++;
                }
                if (end >= len) {
                    break;
                }
                if (!Character.isWhitespace(text.charAt(end))) {
                    i = end;
                    continue;
                }
                int next = skipInlineSpace(text, end);
                if (next < len && text.charAt(next) != '\n' && text.charAt(next) != '\r'
                        && !startsSentence(text.charAt(next))) {
                    i = next;
                    continue;
                }
                if (c == '.' && end == i + 1 && isAbbreviation(text, start, i, next < len ? text.charAt(next) : ' ')) {
                    i = next;
                    continue;
                }
                add(out, text, start, end);
                start = skipSpace(text, end);
                i = start;
                continue;
            }
            i++;
        }
        add(out, text, start, len);
        return out;
    }

    private static boolean isAbbreviation(String text, int sentenceStart, int dot, char nextChar) {
        int w = dot;
        while (w > sentenceStart && !Character.isWhitespace(text.charAt(w - 1)) && text.charAt(w - 1) != '('
                && text.charAt(w - 1) != '"' && text.charAt(w - 1) != '\u201c') {
            w--;
        }
        if (w == dot) {
            return false;
        }
        String word = text.substring(w, dot).toLowerCase(java.util.Locale.ROOT);
        if (TITLES.contains(word)) {
            return true;
        }
        if (BEFORE_NUMBER.contains(word)) {
            return Character.isDigit(nextChar);
        }
        if (MID_OR_END.contains(word)) {
            return !Character.isUpperCase(nextChar) && nextChar != '"' && nextChar != '\u201c';
        }
        // a single capital (an initial, J. Smith) or an initialism such as U.S or U.N
        if (word.length() == 1) {
            return Character.isLetter(word.charAt(0)) && Character.isUpperCase(text.charAt(w));
        }
        return isInitialism(word);
    }

    /** Single letters separated by dots: u.s, u.k, e.u. */
    private static boolean isInitialism(String word) {
        if (word.length() < 3) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            boolean letterSlot = k % 2 == 0;
            char ch = word.charAt(k);
            if (letterSlot ? !Character.isLetter(ch) : ch != '.') {
                return false;
            }
        }
        return word.length() % 2 == 1;
    }

    private static boolean startsSentence(char c) {
        return Character.isUpperCase(c) || Character.isDigit(c) || c == '"' || c == '\u201c' || c == '\u2018'
                || c == '\'' || c == '(' || c == '[' || c == '\u2014' || c == '-' || c == '@' || c == '#'
                || Character.isLetter(c) && !Character.isLowerCase(c);
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == '\u201d' || c == '\u2019' || c == ')' || c == ']';
    }

    private static boolean isTerminal(char c) {
        return c == '.' || c == '!' || c == '?' || c == '\u2026';
    }

    private static int skipSpace(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipInlineSpace(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '\n'
                && text.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    private static void add(List<Span> out, String text, int start, int end) {
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        if (end > start) {
            out.add(new Span(start, end));
        }
    }
}
