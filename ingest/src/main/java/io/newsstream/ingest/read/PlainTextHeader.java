package io.newsstream.ingest.read;

import io.newsstream.ingest.clean.TextCleaner;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The title and publication date a plain-text article announces in its first lines, as pages copied
 * from the web usually do: a section label ("World"), a site header with a date, a date line
 * ("Saturday, December 28, 2024"), a dateline opening the first paragraph ("29-12-2024 (CITY) ..."),
 * a headline. Only the lines before the first paragraph of prose are looked at.
 *
 * <p>A headline is a line of 3 to 25 words, at most 200 characters, starting with a capital, a digit
 * or a quote, not ending in {@code . , ; :}, followed by more text. A wire service's tag in brackets
 * before it ("(LEAD)", "(2nd LD)", "[Editorial]": at most four words) is part of the headline, which
 * must start as above after it. Shorter lines are section labels
 * and are skipped. A line of prose (ending in a full stop, or longer than 30 words) ends the header.
 */
final class PlainTextHeader {

    /**
     * What the header says.
     *
     * @param title       the headline, or null
     * @param publishedAt the publication date, or null
     */
    record Header(String title, Instant publishedAt) {
    }

    /** At most this many non-blank lines are examined. */
    static final int MAX_HEADER_LINES = 6;
    static final int MIN_TITLE_WORDS = 3;
    static final int MAX_TITLE_WORDS = 25;
    static final int MAX_TITLE_CHARS = 200;
    private static final int MAX_PROSE_FREE_WORDS = 30;
    /** A date line has at most this many words, unless the date opens the line (a dateline). */
    private static final int MAX_DATE_LINE_WORDS = 8;
    /** Words allowed before the date on a date line: "Published", "Updated on", "date". */
    private static final int MAX_WORDS_BEFORE_DATE = 3;

    private static final Pattern READING_TIME = Pattern.compile("(?i)^\\d+\\s*(?:min|mins|minutes?)\\.?(?:\\s+read)?$");
    private static final Pattern BYLINE = Pattern.compile("(?i)^by\\s+\\S");
    private static final Pattern NAVIGATION = Pattern.compile("\\s[|›»>/]\\s");
    private static final Pattern WORD = Pattern.compile("\\S+");
    /** A leading tag in brackets of one to four words, as wire services put before a headline. */
    private static final Pattern WIRE_TAG = Pattern.compile("^(?:\\([^()\\[\\]]{1,40}\\)|\\[[^()\\[\\]]{1,40}\\])\\s+");

    private PlainTextHeader() {
    }

    static Header detect(String text) {
        String title = null;
        Instant date = null;
        String[] lines = text.split("\n");
        int seen = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = TextCleaner.oneLine(lines[i]);
            if (line.isEmpty()) {
                continue;
            }
            if (++seen > MAX_HEADER_LINES) {
                break;
            }
            int words = words(line);
            Optional<Dates.Found> found = Dates.find(line);
            boolean dateLine = false;
            if (found.isPresent()) {
                int before = words(line.substring(0, found.get().start()));
                if (before <= MAX_WORDS_BEFORE_DATE && (words <= MAX_DATE_LINE_WORDS || before == 0)) {
                    if (date == null) {
                        date = found.get().instant();
                    }
                    dateLine = true;
                }
            }
            if (isProse(line, words)) {
                break;
            }
            if (!dateLine && title == null && isHeadline(line, words) && hasTextAfter(lines, i)) {
                title = line;
            }
        }
        return new Header(title, date);
    }

    private static boolean isProse(String line, int words) {
        if (words > MAX_PROSE_FREE_WORDS) {
            return true;
        }
        String end = line.replaceAll("[\"'\u201D\u2019)\\]]+$", "");
        return end.endsWith(".") && words >= MIN_TITLE_WORDS;
    }

    private static boolean isHeadline(String line, int words) {
        if (words < MIN_TITLE_WORDS || words > MAX_TITLE_WORDS || line.length() > MAX_TITLE_CHARS) {
            return false;
        }
        char last = line.charAt(line.length() - 1);
        if (last == '.' || last == ',' || last == ';' || last == ':') {
            return false;
        }
        var tag = WIRE_TAG.matcher(line);
        if (tag.find() && words(tag.group()) <= 4 && tag.end() < line.length()) {
            line = line.substring(tag.end());
        }
        int first = line.codePointAt(0);
        boolean opens = Character.isUpperCase(first) || Character.isDigit(first) || Character.isTitleCase(first)
                || "\"'\u201C\u2018\u00AB".indexOf(first) >= 0
                || (Character.isLetter(first) && !Character.isLowerCase(first));
        return opens && TextCleaner.hasLetter(line) && !READING_TIME.matcher(line).matches()
                && !BYLINE.matcher(line).find() && !NAVIGATION.matcher(line).find();
    }

    private static boolean hasTextAfter(String[] lines, int i) {
        for (int j = i + 1; j < lines.length; j++) {
            if (!lines[j].isBlank()) {
                return true;
            }
        }
        return false;
    }

    private static int words(String s) {
        int n = 0;
        var m = WORD.matcher(s);
        while (m.find()) {
            n++;
        }
        return n;
    }
}
