package io.newsstream.ingest.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes page furniture that a reader would not call the article, so its names are never
 * attributed to it: cookie and consent notices, "Follow us" lines, social-media embeds, embed
 * placeholders, image labels and photo credits, "N min read", site header and breadcrumb lines, a
 * lone section label above the headline, and sidebars of other stories ("News Feed", "Related",
 * "Read more", "Most read" ... through "Show More"). Only general patterns; line and paragraph
 * structure of what remains is kept.
 *
 * <p>Notices and embeds are removed sentence by sentence, not line by line: an article delivered as
 * one paragraph that carries a cookie notice or an embedded post keeps every other sentence. A
 * sentence is a notice when it speaks to the reader about cookies, consent or preferences
 * ({@code We use cookies...}, {@code Accept all cookies}); the sentences next to it that share its
 * vocabulary ({@code ...may set cookies on your device}, {@code Manage Preferences}) go with it. A
 * sentence that only reports on cookies ({@code The regulator said sites must let users refuse cookies
 * as easily as accept all cookies.}) is prose and stays.
 */
public final class PageFurniture {

    private static final Pattern COOKIE_OR_CONSENT = Pattern.compile(
            "(?i).*(\\bwe need your consent\\b|\\bconsent to (load|the use)\\b|\\buses? cookies\\b|\\bcookie (policy|settings|preferences)\\b"
                    + "|\\bmanage (cookie )?preferences\\b|\\baccept (all )?cookies\\b|\\bopt[- ]out if you wish\\b).*");
    /** Words that mark a sentence as addressed to the reader of the page (a request, "we", "you") rather than reporting. */
    private static final Pattern ADDRESSES_READER = Pattern.compile(
            "(?i)\\b(we|our|us|you|your|please|this (web)?site|this page)\\b");
    /** Vocabulary of a consent notice: a sentence next to a notice that uses it belongs to the notice. */
    private static final Pattern NOTICE_WORDS = Pattern.compile(
            "(?i)\\b(cookies?|consent|preferences|privacy|opt[- ]?out|your (device|browser|experience)|accept|reject"
                    + "|read more|learn more|settings|personali[sz]ed?|partners|third[- ]party|content)\\b");
    private static final Pattern NOTICE_LABEL = Pattern.compile(
            "(?i)\\s*(manage (cookie )?preferences|(accept|reject|allow) (all )?cookies|cookie settings|accept( all)?|reject all"
                    + "|read more|learn more)(?=\\s+(?-i)\\p{Lu})");
    /** End of a sentence: closing punctuation, optional closing quotes or brackets, white space. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?\u2026][\"'\u201d\u2019)\\]]{0,2})\\s+(?=\\S)");
    /** Short words of a notice that lack a full stop ("Manage Preferences", "Accept Read More"). */
    private static final int SHORT_FRAGMENT_WORDS = 5;
    /** A sentence this long that does not address the reader is reporting, even when it mentions cookies. */
    private static final int NOTICE_MAX_WORDS = 12;
    private static final Pattern FOLLOW_OR_SHARE = Pattern.compile(
            "(?i)\\s*(follow us( on)?|share (this|on)( article| story)?|share|connect with us|subscribe( to our newsletter)?)\\s*:?\\s*");
    private static final Pattern TWEET_ATTRIBUTION = Pattern.compile(
            "\\s*[\u2014\u2013-]{1,2}\\s*.{1,120}\\(@\\w{1,30}\\)\\s+\\p{L}+\\.? \\d{1,2}, \\d{4}\\s*");
    private static final Pattern INLINE_ATTRIBUTION = Pattern.compile(
            "\\s*[\u2014\u2013]{1,2}\\s*[^\u2014\u2013()]{1,120}\\(@\\w{1,30}\\)\\s+\\p{L}+\\.? \\d{1,2}, \\d{4}");
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
            if (FOLLOW_OR_SHARE.matcher(line).matches() || LABEL_LINE.matcher(line).matches()
                    || READ_TIME.matcher(line).matches() || HEADER_LINE.matcher(line).matches()) {
                continue;
            }
            String rest = removeNotices(line);
            if (!line.isBlank() && rest.isBlank()) {
                continue;
            }
            kept.add(PHOTO_CREDIT.matcher(rest).replaceAll(""));
        }
        removeSectionLabel(kept);
        return join(kept);
    }

    /**
     * The line without its consent-notice sentences (and the notice's neighbours that share its
     * vocabulary or are short fragments of it); the line itself when it holds none.
     */
    static String removeNotices(String line) {
        Matcher attribution = INLINE_ATTRIBUTION.matcher(line);
        boolean embedded = attribution.find();
        if (!embedded && !COOKIE_OR_CONSENT.matcher(line).matches() && !line.contains("pic.twitter.com/")) {
            return line;
        }
        // An embedded post inside a paragraph ends with its attribution; mark where each one was.
        String marked = embedded ? attribution.replaceAll(" \u0000 ") : line;
        List<String> sentences = new ArrayList<>();
        List<Boolean> beforeAttribution = new ArrayList<>();
        for (String part : marked.split("\u0000", -1)) {
            List<String> ss = sentences(part);
            sentences.addAll(ss);
            for (int i = 0; i < ss.size(); i++) {
                beforeAttribution.add(false);
            }
            if (!beforeAttribution.isEmpty()) {
                beforeAttribution.set(beforeAttribution.size() - 1, true);
            }
        }
        if (embedded && !beforeAttribution.isEmpty() && !marked.endsWith("\u0000 ")) {
            beforeAttribution.set(beforeAttribution.size() - 1, false);
        }
        boolean[] drop = new boolean[sentences.size()];
        boolean any = embedded;
        for (int i = 0; i < sentences.size(); i++) {
            String s = sentences.get(i);
            if (isNotice(s) || s.contains("pic.twitter.com/")) {
                drop[i] = true;
                any = true;
            }
            if (beforeAttribution.get(i)) {
                // the embedded post: the sentences just above its attribution that carry handles or short links
                for (int j = i; j >= 0 && (j == i || EMBED_TRACE.matcher(sentences.get(j)).matches()); j--) {
                    if (EMBED_TRACE.matcher(sentences.get(j)).matches()) {
                        drop[j] = true;
                    }
                }
            }
        }
        if (!any) {
            return line;
        }
        // A notice runs on into the sentences beside it that share its words or are fragments of it.
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < sentences.size(); i++) {
                if (drop[i]) {
                    continue;
                }
                boolean besideNotice = i > 0 && drop[i - 1] || i + 1 < sentences.size() && drop[i + 1];
                String s = sentences.get(i);
                if (besideNotice && (NOTICE_WORDS.matcher(s).find() && ADDRESSES_READER.matcher(s).find()
                        || words(s) <= SHORT_FRAGMENT_WORDS && !s.matches("(?s).*[.!?\u2026][\"'\u201d\u2019]?$")
                        && NOTICE_WORDS.matcher(s).find())) {
                    drop[i] = true;
                }
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < sentences.size(); i++) {
            if (!drop[i]) {
                if (out.length() > 0) {
                    out.append(' ');
                }
                out.append(sentences.get(i));
            }
        }
        String lead = line.substring(0, line.length() - line.stripLeading().length());
        return out.length() == 0 ? "" : lead + out;
    }

    /** Whether one sentence is a consent notice: it names cookies or consent and speaks to the reader, or is a short label. */
    private static boolean isNotice(String sentence) {
        return COOKIE_OR_CONSENT.matcher(sentence).matches()
                && (ADDRESSES_READER.matcher(sentence).find() || words(sentence) <= NOTICE_MAX_WORDS);
    }

    private static List<String> sentences(String line) {
        List<String> out = new ArrayList<>();
        for (String s : SENTENCE_END.split(line.strip())) {
            // a notice's button label glued to the next sentence ("Manage Preferences The vote...") is a sentence of its own
            Matcher label = NOTICE_LABEL.matcher(s);
            if (label.lookingAt() && label.end() < s.length()) {
                out.add(s.substring(0, label.end()).strip());
                s = s.substring(label.end());
            }
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    private static int words(String s) {
        String t = s.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
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
