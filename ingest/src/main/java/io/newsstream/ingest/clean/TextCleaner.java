package io.newsstream.ingest.clean;

/**
 * Character-level cleaning every text goes through before anything else looks at it: line endings
 * become {@code \n}, control characters other than newline and tab are removed, as are unpaired
 * surrogates and byte-order marks, which no downstream tokenizer handles well.
 */
public final class TextCleaner {

    private TextCleaner() {
    }

    /**
     * The cleaned text and how many characters were removed.
     *
     * @param text    cleaned text (not trimmed)
     * @param removed number of characters removed (a CRLF pair turned into one newline does not count)
     */
    public record Cleaned(String text, int removed) {
    }

    /** Cleans {@code s}; null becomes the empty string. */
    public static Cleaned clean(String s) {
        if (s == null) {
            return new Cleaned("", 0);
        }
        StringBuilder out = new StringBuilder(s.length());
        int removed = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r') {
                out.append('\n');
                if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c == '\n' || c == '\t') {
                out.append(c);
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    out.append(c).append(s.charAt(++i));
                } else {
                    removed++;
                }
            } else if (c == '\u2028' || c == '\u2029') {
                // Unicode line and paragraph separators: line breaks to a reader, unknown to most tools
                out.append('\n');
            } else if (Character.isLowSurrogate(c) || Character.isISOControl(c) || c == '\uFEFF') {
                removed++;
            } else {
                out.append(c);
            }
        }
        return new Cleaned(out.toString(), removed);
    }

    /** Collapses every run of white space (newlines included) to one space and trims: for titles and one-line fields. */
    public static String oneLine(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Removes white space (including non-breaking spaces) at the end of every line and at both ends of
     * the whole text. Leading white space inside the text is kept: it changes no word and no offset
     * that matters.
     */
    public static String trim(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int lineStart = 0;
        while (lineStart <= s.length()) {
            int nl = s.indexOf('\n', lineStart);
            int lineEnd = nl < 0 ? s.length() : nl;
            int end = lineEnd;
            while (end > lineStart && isBlank(s.charAt(end - 1))) {
                end--;
            }
            out.append(s, lineStart, end);
            if (nl < 0) {
                break;
            }
            out.append('\n');
            lineStart = nl + 1;
        }
        int start = 0;
        while (start < out.length() && isBlank(out.charAt(start))) {
            start++;
        }
        int end = out.length();
        while (end > start && isBlank(out.charAt(end - 1))) {
            end--;
        }
        return out.substring(start, end);
    }

    private static boolean isBlank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** Whether {@code s} is empty or only white space, non-breaking spaces included. */
    public static boolean isBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isBlank(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code s} contains at least one letter (of any script). */
    public static boolean hasLetter(String s) {
        return s.codePoints().anyMatch(Character::isLetter);
    }

    /** Length of the longest run of characters without white space. */
    public static int longestRunWithoutSpace(String s) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            if (isBlank(s.charAt(i))) {
                run = 0;
            } else {
                run++;
                longest = Math.max(longest, run);
            }
        }
        return longest;
    }
}
