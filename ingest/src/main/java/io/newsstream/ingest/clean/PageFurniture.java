package io.newsstream.ingest.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes page furniture that a reader would not call the article, so its names are never
 * attributed to it: cookie and consent notices, "Follow us" lines, social-media embeds, embed
 * placeholders, image labels and photo credits, "N min read", site header and breadcrumb lines, a
 * lone section label above the headline, and sidebars of other stories ("News Feed", "Related",
 * "Read more", "Most read" ... through "Show More"). Only general patterns; line and paragraph
 * structure of what remains is kept.
 */
public final class PageFurniture {

    private static final Pattern COOKIE_OR_CONSENT = Pattern.compile(
            "(?i).*(\\bwe need your consent\\b|\\bconsent to (load|the use)\\b|\\buses? cookies\\b|\\bcookie (policy|settings|preferences)\\b"
                    + "|\\bmanage (cookie )?preferences\\b|\\baccept (all )?cookies\\b|\\bopt[- ]out if you wish\\b).*");
    private static final Pattern FOLLOW_OR_SHARE = Pattern.compile(
            "(?i)\\s*(follow us( on)?|share (this|on)( article| story)?|share|connect with us|subscribe( to our newsletter)?)\\s*:?\\s*");
    private static final Pattern TWEET_ATTRIBUTION = Pattern.compile(
            "\\s*[\u2014\u2013-]{1,2}\\s*.{1,120}\\(@\\w{1,30}\\)\\s+\\p{L}+\\.? \\d{1,2}, \\d{4}\\s*");
    private static final Pattern EMBED_TRACE = Pattern.compile(
            ".*(pic\\.twitter\\.com/|https?://t\\.co/|(^|\\s)@\\w{2,30}\\b).*");
    private static final Pattern LABEL_LINE = Pattern.compile(
            "(?i)\\s*(article image|image|photo|advertisement|skip advertisement|embedded content|\\[embedded content]"
                    + "|view this post on instagram|a post shared by .{1,80}|embed from getty images|loading( \\.\\.\\.|\u2026)?"
                    + "|listen to (this )?article|play video|watch:?|getty images)\\s*");
    private static final Pattern READ_TIME = Pattern.compile("(?i)\\s*\\d{1,3}\\s*(min|mins|minute|minutes)\\.?\\s+read\\s*");
    private static final Pattern HEADER_LINE = Pattern.compile(
            "(?i)\\s*(date\\s+)?\\d{4}-\\d{2}-\\d{2}\\b.{0,40}\\bhome\\s*|\\s*home\\s*(\u203a|>|\u00bb|/|\\|).{0,80}");
    private static final Pattern SIDEBAR_HEADING = Pattern.compile(
            "(?i)\\s*(news feed|related|related (articles|stories|news|posts|content)|read more|read next|more stories"
                    + "|more from .{1,40}|most read|most popular|most viewed|trending( now)?|recommended( for you)?"
                    + "|you may also like|you might also like|latest news|latest stories|top stories|also read)\\s*:?\\s*");
    private static final Pattern SIDEBAR_END = Pattern.compile("(?i)\\s*(show more|load more|see more|view more|more news)\\s*");
    private static final Pattern PHOTO_CREDIT = Pattern.compile(
            "\\s?\\((?:[^()]{0,120}?\\b(?:via Getty Images|Getty Images|Photo(?:graph)?:|Photo by|Image:|Credit:|AFP|Reuters|AP Photo|EPA|Shutterstock|Anadolu)\\b[^()]{0,80}"
                    + "|\\p{Lu}[\\p{L}.' -]{1,60}/\\p{Lu}[\\p{L}.' &-]{1,60}(?: via [\\p{L} .&-]{1,40})?)\\)");

    private PageFurniture() {
    }

    /**
     * The article text without page furniture.
     *
     * @param text raw article text, lines separated by {@code \n} (or {@code \r\n}); null is read as empty
     * @return the cleaned text, paragraph breaks kept, no leading or trailing blank lines
     */
    public static String strip(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        List<String> lines = new ArrayList<>(List.of(text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)));
        removeSidebars(lines);
        removeEmbeds(lines);
        List<String> kept = new ArrayList<>();
        for (String line : lines) {
            if (line == null) {
                continue;
            }
            if (COOKIE_OR_CONSENT.matcher(line).matches() || FOLLOW_OR_SHARE.matcher(line).matches()
                    || LABEL_LINE.matcher(line).matches() || READ_TIME.matcher(line).matches()
                    || HEADER_LINE.matcher(line).matches()) {
                continue;
            }
            kept.add(PHOTO_CREDIT.matcher(line).replaceAll(""));
        }
        removeSectionLabel(kept);
        return join(kept);
    }

    /** From a sidebar heading through its "Show More" line, or to the end when there is none. */
    private static void removeSidebars(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i) == null || !SIDEBAR_HEADING.matcher(lines.get(i)).matches()) {
                continue;
            }
            int end = lines.size() - 1;
            for (int j = i + 1; j < lines.size(); j++) {
                if (lines.get(j) != null && SIDEBAR_END.matcher(lines.get(j)).matches()) {
                    end = j;
                    break;
                }
            }
            for (int j = i; j <= end; j++) {
                lines.set(j, null);
            }
            i = end;
        }
    }

    /**
     * A social-media embed ends with its attribution line ("— Name (@handle) Month D, YYYY");
     * the paragraphs just above it that carry handles or short links are the embedded post.
     */
    private static void removeEmbeds(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line == null) {
                continue;
            }
            if (TWEET_ATTRIBUTION.matcher(line).matches()) {
                lines.set(i, null);
                for (int j = i - 1; j >= 0; j--) {
                    String above = lines.get(j);
                    if (above == null || above.isBlank()) {
                        continue;
                    }
                    if (!EMBED_TRACE.matcher(above).matches()) {
                        break;
                    }
                    lines.set(j, null);
                }
            } else if (line.contains("pic.twitter.com/")) {
                lines.set(i, null);
            }
        }
    }

    /** Longest line that still reads as a headline. */
    private static final int HEADLINE_MAX_CHARS = 200;

    /**
     * A lone one-to-three word line above the headline ("Politics", "Russia") labels a section. It is
     * only a label when a headline follows it; a short line followed by prose is the article's own
     * (short) headline, such as "Budget passes".
     */
    private static void removeSectionLabel(List<String> lines) {
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) {
            first++;
        }
        if (first + 2 >= lines.size()) {
            return;
        }
        String label = lines.get(first).strip();
        String[] words = label.split("\\s+");
        boolean lone = words.length <= 3 && !label.isEmpty() && Character.isUpperCase(label.charAt(0))
                && !label.matches(".*[.!?:;,\"\u201d]$");
        if (lone && lines.get(first + 1).isBlank() && headlineFollows(lines, first + 2)) {
            lines.set(first, "");
        }
    }

    /** Whether the next non-blank line from {@code from} reads as a headline: short, no closing punctuation. */
    private static boolean headlineFollows(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.isEmpty()) {
                return line.length() <= HEADLINE_MAX_CHARS && !line.matches(".*[.!?:;,]$");
            }
        }
        return false;
    }

    private static String join(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        int blank = 0;
        for (String line : lines) {
            String l = line.stripTrailing();
            if (l.isBlank()) {
                blank++;
                continue;
            }
            if (sb.length() > 0) {
                sb.append(blank > 0 ? "\n\n" : "\n");
            }
            blank = 0;
            sb.append(l);
        }
        return sb.toString();
    }
}
