package io.newsstream.ingest.clean;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns HTML into the plain text of what a reader sees: paragraphs become blank-line separated,
 * scripts, styles and embedded frames disappear. Nothing is ever executed or fetched; jsoup only
 * parses.
 */
public final class Html {

    /** Elements that carry no reading text. */
    private static final String INVISIBLE = "script, style, noscript, template, iframe, object, embed, svg, canvas, head, "
            + "video, audio, form, button, select, textarea, input";

    private static final Set<String> LINE_ELEMENTS = Set.of("li", "tr", "dt", "dd", "option");

    private static final Pattern TAG = Pattern.compile(
            "<\\s*/?\\s*(html|head|body|p|div|br|span|a|h[1-6]|ul|ol|li|article|section|main|script|style|em|strong|b|i|u"
                    + "|img|table|tr|td|th|blockquote|figure|figcaption|header|footer|nav|aside|iframe|noscript|meta|link"
                    + "|title|time|picture|source|video|svg|button|form|input)\\b[^<>]*>",
            Pattern.CASE_INSENSITIVE);

    private Html() {
    }

    /**
     * Whether {@code text} reads as HTML rather than prose that mentions a tag: it has at least two
     * tags of common HTML elements.
     */
    public static boolean looksLikeHtml(String text) {
        if (text == null || text.indexOf('<') < 0) {
            return false;
        }
        Matcher m = TAG.matcher(text);
        int found = 0;
        while (m.find()) {
            if (++found >= 2) {
                return true;
            }
        }
        return false;
    }

    /** The reading text of an HTML document or fragment, paragraphs separated by blank lines. */
    public static String toText(String html) {
        Document doc = Jsoup.parse(html);
        doc.select(INVISIBLE).remove();
        StringBuilder out = new StringBuilder(html.length() / 2);
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    String s = t.text();
                    if (s.isBlank()) {
                        if (out.length() > 0 && !endsWithSpace(out)) {
                            out.append(' ');
                        }
                        return;
                    }
                    if (endsWithSpace(out) && s.startsWith(" ")) {
                        s = s.substring(1);
                    }
                    out.append(s);
                } else if (node instanceof Element e) {
                    if (e.nameIs("br")) {
                        trimTrailingSpaces(out);
                        out.append('\n');
                    } else if (e.isBlock()) {
                        breakBefore(out, LINE_ELEMENTS.contains(e.normalName()) ? 1 : 2);
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && e.isBlock() && !e.nameIs("br")) {
                    breakBefore(out, LINE_ELEMENTS.contains(e.normalName()) ? 1 : 2);
                }
            }
        }, doc.body());
        return TextCleaner.trim(out.toString());
    }

    /**
     * Plain text of a one-line field such as a title: markup removed (a script's content with it),
     * entities decoded, white space collapsed. Text without markup comes back unchanged but collapsed.
     */
    public static String stripMarkup(String s) {
        if (s == null) {
            return null;
        }
        if (s.indexOf('<') < 0 && s.indexOf('&') < 0) {
            return TextCleaner.oneLine(s);
        }
        Document doc = Jsoup.parseBodyFragment(s);
        doc.select(INVISIBLE).remove();
        return TextCleaner.oneLine(doc.body().text());
    }

    private static boolean endsWithSpace(StringBuilder sb) {
        return sb.length() > 0 && Character.isWhitespace(sb.charAt(sb.length() - 1));
    }

    private static void trimTrailingSpaces(StringBuilder sb) {
        while (sb.length() > 0 && sb.charAt(sb.length() - 1) == ' ') {
            sb.setLength(sb.length() - 1);
        }
    }

    private static void breakBefore(StringBuilder sb, int newlines) {
        if (sb.length() == 0) {
            return;
        }
        trimTrailingSpaces(sb);
        int have = 0;
        for (int i = sb.length() - 1; i >= 0 && sb.charAt(i) == '\n'; i--) {
            have++;
        }
        for (int i = have; i < newlines; i++) {
            sb.append('\n');
        }
    }
}
