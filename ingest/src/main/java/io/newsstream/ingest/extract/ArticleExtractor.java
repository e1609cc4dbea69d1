package io.newsstream.ingest.extract;

import io.newsstream.ingest.clean.PageFurniture;
import io.newsstream.ingest.clean.TextCleaner;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * The default {@link PageExtractor}: content scoring in the manner of Readability.js and trafilatura.
 *
 * <ol>
 *   <li>Metadata is read first ({@link PageMetadata}).</li>
 *   <li>What cannot be article text goes: scripts, styles, forms' controls, embeds, hidden elements,
 *       navigation, asides, and blocks whose class, id or role names them furniture (comments, sidebars,
 *       related stories, share bars, cookie notices, newsletters) unless they also name content.</li>
 *   <li>Every paragraph of 25 characters or more scores by its length and commas; the score goes to its
 *       ancestors (less the further up), weighted by their class and id names, and each candidate's
 *       total is discounted by its link density. The best candidate, widened to the ancestor that holds
 *       most of the good candidates, is the article; siblings that score well or read as prose join it.</li>
 *   <li>Inside it, link lists, image galleries, share and promo blocks, captions and bylines are pruned;
 *       the rest is written out block by block, paragraphs separated by a blank line, and each block is
 *       passed through the sentence-level {@link io.newsstream.ingest.clean.PageFurniture} rules.</li>
 *   <li>When this finds little, it runs again less strictly; a schema.org {@code articleBody} that is
 *       much longer than what the page shows (a page built by scripts) is taken instead.</li>
 * </ol>
 */
final class ArticleExtractor implements PageExtractor {

    /** Shortest article text accepted from a strict pass before trying a looser one. */
    private static final int ENOUGH_CHARS = 400;
    private static final int MIN_PARAGRAPH = 25;

    private static final Pattern UNLIKELY = Pattern.compile(
            "(?i)-ad-|ai2html|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu"
                    + "|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate"
                    + "|pagination|pager|popup|yom-remote|cookie|consent|newsletter|subscribe|promo|share|sharing|outbrain|taboola"
                    + "|recirc|most-?popular|most-?read|trending|signup|sign-up|nav\\b|navbar|navigation|masthead|toolbar");
    private static final Pattern MAYBE = Pattern.compile("(?i)and|article|body|column|content|main|mathjax|shadow|story|post|entry|text");
    private static final Pattern POSITIVE = Pattern.compile(
            "(?i)article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story|prose");
    private static final Pattern NEGATIVE = Pattern.compile(
            "(?i)-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media"
                    + "|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget"
                    + "|newsletter|subscribe|cookie|consent|byline|author|caption|credit|recommend|teaser|breadcrumb");
    /** Blocks pruned inside the chosen content whatever their size. */
    private static final Pattern FURNITURE_BLOCK = Pattern.compile(
            "(?i)(^|[\\s_-])(share|sharing|social|newsletter|subscribe|signup|related|recommended|promo|advert|ad|ads|adslot"
                    + "|advertisement|sponsor|sponsored|outbrain|taboola|comments?|cookie|consent|byline|author|caption|credit"
                    + "|breadcrumbs?|tags|toolbar|print|more-stories|read-more|readmore|recirc|most-popular|inline-ad"
                    + "|hidden|visually-hidden|sr-only|screen-reader|tooltip|disclaimer|meta)([\\s_-]|$)");
    private static final Pattern FURNITURE_ROLE = Pattern.compile("(?i)menu|menubar|complementary|navigation|alert|alertdialog|dialog|banner|contentinfo");
    private static final Pattern HIDDEN_STYLE = Pattern.compile("(?i)display\\s*:\\s*none|visibility\\s*:\\s*hidden");

    private static final String REMOVED = "script, style, noscript, template, iframe, object, embed, svg, canvas, video, audio, "
            + "button, select, textarea, input, label, nav, aside, dialog, menu, link, meta";
    private static final Set<String> SCORED = Set.of("p", "pre", "td", "h2", "h3", "h4", "h5", "h6", "section", "blockquote");
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "blockquote", "pre", "ul", "ol",
            "li", "dl", "dt", "dd", "table", "tr", "td", "th", "tbody", "thead", "h1", "h2", "h3", "h4", "h5", "h6",
            "header", "footer", "figure", "figcaption", "form", "fieldset", "address", "hr", "center", "details", "summary");
    private static final Set<String> LINES = Set.of("li", "tr", "dt", "dd");

    /** Which of the heuristics a pass applies; later passes drop the riskiest. */
    private record Pass(boolean stripUnlikely, boolean weightClasses, boolean cleanConditionally) {
    }

    private static final List<Pass> PASSES = List.of(new Pass(true, true, true), new Pass(false, true, true),
            new Pass(false, false, true), new Pass(false, false, false));

    @Override
    public ExtractedPage extract(String html, String url) {
        String base = url == null ? "" : url;
        String source = html == null ? "" : html;
        Document doc = Jsoup.parse(source, base);
        PageMetadata meta = PageMetadata.read(doc);
        List<String> warnings = new ArrayList<>();

        String text = "";
        for (int i = 0; i < PASSES.size(); i++) {
            Document d = i == 0 ? doc : Jsoup.parse(source, base);
            String attempt = body(d, PASSES.get(i), meta);
            if (attempt.length() > text.length()) {
                text = attempt;
            }
            if (text.length() >= ENOUGH_CHARS) {
                break;
            }
        }
        String ld = meta.articleBody() == null ? null : Parser.unescapeEntities(meta.articleBody(), false);
        if (ld != null && ld.length() >= ENOUGH_CHARS && ld.length() > 1.5 * text.length()) {
            text = ld.replace("\r\n", "\n").strip();
            warnings.add("the page shows little of its article; took the schema.org articleBody instead");
        }
        String title = title(doc, meta);
        return new ExtractedPage(title, text, meta.publishedAt(), meta.canonicalUrl(), meta.siteName(), meta.language(), warnings);
    }

    private static String title(Document doc, PageMetadata meta) {
        String declared = meta.headline() != null ? meta.headline() : meta.title();
        for (Element h1 : doc.select("h1")) {
            String t = TextCleaner.oneLine(h1.text());
            if (t.length() >= 10 && declared != null && declared.contains(t)) {
                return t;
            }
        }
        if (meta.headline() != null) {
            return meta.headline();
        }
        if (declared == null) {
            return null;
        }
        // "Headline | Site" or "Headline - Site": the longest part is the headline.
        String best = declared;
        String[] parts = declared.split("\\s+[|\u2013\u2014\u00bb-]\\s+");
        if (parts.length > 1) {
            best = parts[0];
            for (String p : parts) {
                if (p.length() > best.length()) {
                    best = p;
                }
            }
        }
        return best.strip();
    }

    // ---------------------------------------------------------------------------------------------

    private String body(Document doc, Pass pass, PageMetadata meta) {
        Element root = doc.body();
        if (root == null) {
            return "";
        }
        prepare(root, pass);
        Lengths lengths = Lengths.of(root);
        Map<Element, Double> scores = new IdentityHashMap<>();
        List<Element> candidates = new ArrayList<>();
        for (Element e : root.getAllElements()) {
            if (isParagraph(e)) {
                int len = lengths.text(e);
                if (len >= MIN_PARAGRAPH) {
                    credit(e.parent(), 1 + commas(e.text()) + Math.min(len / 100, 3), root, pass, scores, candidates);
                }
            } else if (!e.nameIs("span") && !e.nameIs("a") && hasBlockChild(e)) {
                // Text written straight into a container beside its blocks is a paragraph of its own.
                StringBuilder run = new StringBuilder();
                for (Node child : e.childNodes()) {
                    boolean block = child instanceof Element c && BLOCKS.contains(c.normalName());
                    if (!block && !(child instanceof Element c2 && c2.nameIs("br"))) {
                        run.append(child instanceof TextNode t ? t.text() : child instanceof Element c3 ? c3.text() : "");
                    }
                    if (block || child == e.childNode(e.childNodeSize() - 1) || child instanceof Element c4 && c4.nameIs("br")) {
                        String t = run.toString().strip();
                        if (t.length() >= MIN_PARAGRAPH) {
                            credit(e, 1 + commas(t) + Math.min(t.length() / 100, 3), root, pass, scores, candidates);
                        }
                        run.setLength(0);
                    }
                }
            }
        }
        if (candidates.isEmpty()) {
            return render(root, pass, lengths);
        }
        Element top = null;
        double topScore = Double.NEGATIVE_INFINITY;
        List<Element> ranked = new ArrayList<>();
        Map<Element, Double> finals = new IdentityHashMap<>();
        for (Element c : candidates) {
            double s = scores.get(c) * (1 - lengths.linkDensity(c));
            finals.put(c, s);
            ranked.add(c);
        }
        ranked.sort((a, b) -> Double.compare(finals.get(b), finals.get(a)));
        top = ranked.get(0);
        topScore = finals.get(top);

        // When several strong candidates share an ancestor, the article is that ancestor.
        List<Element> alternatives = new ArrayList<>();
        for (int i = 1; i < Math.min(ranked.size(), 5); i++) {
            if (finals.get(ranked.get(i)) / topScore >= 0.75) {
                alternatives.add(ranked.get(i));
            }
        }
        if (alternatives.size() >= 3) {
            Element parent = top.parent();
            while (parent != null && parent != root) {
                int holding = 0;
                for (Element alt : alternatives) {
                    if (isAncestor(parent, alt)) {
                        holding++;
                    }
                }
                if (holding >= 3) {
                    top = parent;
                    break;
                }
                parent = parent.parent();
            }
        }
        // Climb while the parent scores better: the article's paragraphs may be split over siblings.
        double last = finals.getOrDefault(top, topScore);
        Element parent = top.parent();
        double threshold = last / 3;
        while (parent != null && parent != root.parent()) {
            Double ps = finals.get(parent);
            if (ps == null) {
                parent = parent.parent();
                continue;
            }
            if (ps < threshold) {
                break;
            }
            if (ps > last) {
                top = parent;
                break;
            }
            last = ps;
            parent = parent.parent();
        }
        while (top.parent() != null && top != root && top.parent().childrenSize() == 1 && top.parent() != root.parent()) {
            top = top.parent();
        }
        topScore = finals.getOrDefault(top, topScore);

        // Siblings that score well, or read as prose, belong to the article.
        List<Element> parts = new ArrayList<>();
        Element container = top.parent();
        if (container == null || top == root) {
            parts.add(top);
        } else {
            double siblingThreshold = Math.max(10, topScore * 0.2);
            for (Element sib : container.children()) {
                if (sib == top) {
                    parts.add(sib);
                    continue;
                }
                double bonus = !top.className().isEmpty() && top.className().equals(sib.className()) ? topScore * 0.2 : 0;
                Double ss = finals.get(sib);
                boolean append = ss != null && ss + bonus >= siblingThreshold;
                if (!append && sib.nameIs("p")) {
                    int len = lengths.text(sib);
                    double ld = lengths.linkDensity(sib);
                    String t = sib.text();
                    append = (len > 80 && ld < 0.25) || (len > 0 && len <= 80 && ld == 0 && t.matches("(?s).*\\.( |$).*"));
                }
                if (append) {
                    parts.add(sib);
                }
            }
        }
        StringBuilder out = new StringBuilder();
        for (Element part : parts) {
            String t = render(part, pass, lengths);
            if (!t.isEmpty()) {
                if (out.length() > 0) {
                    out.append("\n\n");
                }
                out.append(t);
            }
        }
        return out.toString();
    }

    private static void credit(Element first, double score, Element root, Pass pass, Map<Element, Double> scores,
                               List<Element> candidates) {
        Element anc = first;
        for (int level = 0; anc != null && level < 5; level++, anc = anc.parent()) {
            if (!scores.containsKey(anc)) {
                scores.put(anc, initialScore(anc, pass));
                candidates.add(anc);
            }
            double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
            scores.put(anc, scores.get(anc) + score / divider);
            if (anc == root) {
                break;
            }
        }
    }

    private static boolean hasBlockChild(Element e) {
        for (Element c : e.children()) {
            if (BLOCKS.contains(c.normalName())) {
                return true;
            }
        }
        return false;
    }

    /** Removes what is never article text, and, on strict passes, blocks named as furniture. */
    private static void prepare(Element root, Pass pass) {
        root.select(REMOVED).remove();
        List<Element> drop = new ArrayList<>();
        for (Element e : root.getAllElements()) {
            if (e == root) {
                continue;
            }
            if (e.hasAttr("hidden") || "true".equalsIgnoreCase(e.attr("aria-hidden")) && !e.nameIs("p")
                    || HIDDEN_STYLE.matcher(e.attr("style")).find()) {
                drop.add(e);
                continue;
            }
            if (FURNITURE_ROLE.matcher(e.attr("role")).matches()) {
                drop.add(e);
                continue;
            }
            if (pass.stripUnlikely() && !e.nameIs("article") && !e.nameIs("main") && !e.nameIs("body")
                    && !e.nameIs("a")) {
                String names = e.className() + " " + e.id();
                if (UNLIKELY.matcher(names).find() && !MAYBE.matcher(names).find() && !hasAncestor(e, "table", "code")) {
                    drop.add(e);
                }
            }
        }
        for (Element e : drop) {
            if (e.parent() != null) {
                e.remove();
            }
        }
    }

    private static boolean isParagraph(Element e) {
        String n = e.normalName();
        if (SCORED.contains(n)) {
            return true;
        }
        if (n.equals("div") || n.equals("article") || n.equals("span") && e.parent() != null && e.parent().nameIs("div")) {
            for (Element c : e.children()) {
                if (BLOCKS.contains(c.normalName())) {
                    return false;
                }
            }
            return n.equals("div") || n.equals("article");
        }
        return false;
    }

    private static double initialScore(Element e, Pass pass) {
        double s = switch (e.normalName()) {
            case "div", "article", "main" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        return s + (pass.weightClasses() ? classWeight(e) : 0);
    }

    private static int classWeight(Element e) {
        int w = 0;
        String cls = e.className();
        if (!cls.isEmpty()) {
            if (NEGATIVE.matcher(cls).find()) {
                w -= 25;
            }
            if (POSITIVE.matcher(cls).find()) {
                w += 25;
            }
        }
        String id = e.id();
        if (!id.isEmpty()) {
            if (NEGATIVE.matcher(id).find()) {
                w -= 25;
            }
            if (POSITIVE.matcher(id).find()) {
                w += 25;
            }
        }
        return w;
    }

    private static int commas(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == '\uFF0C' || c == '\u3001' || c == '\u060C') {
                n++;
            }
        }
        return n;
    }

    private static boolean isAncestor(Element ancestor, Element e) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasAncestor(Element e, String... tags) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            for (String t : tags) {
                if (p.nameIs(t)) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---------------------------------------------------------------------------------------------

    /** Whether a block inside the article is furniture to leave out. */
    private static boolean pruned(Element e, Pass pass, Lengths lengths) {
        String n = e.normalName();
        if (n.equals("figure") || n.equals("figcaption") || n.equals("footer") || n.equals("header") && lengths.text(e) < 300
                || n.equals("h1")) {
            return true;
        }
        String names = (e.className() + " " + e.id()).toLowerCase(Locale.ROOT);
        if (!names.isBlank() && FURNITURE_BLOCK.matcher(names).find() && lengths.text(e) < 2000) {
            return true;
        }
        if (!pass.cleanConditionally()) {
            return false;
        }
        if (n.equals("ul") || n.equals("ol") || n.equals("div") || n.equals("section") || n.equals("table")
                || n.equals("p") || n.equals("li") || n.equals("dl")) {
            int len = lengths.text(e);
            double ld = lengths.linkDensity(e);
            if (len == 0) {
                return !n.equals("p") && e.select("img").isEmpty();
            }
            if (ld > 0.5 && len < 1000) {
                return true;
            }
            int weight = pass.weightClasses() ? classWeight(e) : 0;
            if (weight < 0 && len < 1000) {
                return true;
            }
            if (!n.equals("p") && !n.equals("li") && commas(e.text()) < 10) {
                int p = e.getElementsByTag("p").size();
                int li = e.getElementsByTag("li").size() - 100;
                int img = e.getElementsByTag("img").size();
                boolean isList = n.equals("ul") || n.equals("ol");
                if (img > 1 && p / (double) img < 0.5 && len < 500) {
                    return true;
                }
                if (!isList && li > p) {
                    return true;
                }
                if (weight < 25 && ld > 0.2 && len < 500 && !isList) {
                    return true;
                }
                if (weight >= 25 && ld > 0.5) {
                    return true;
                }
                if (isList && ld > 0.35) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The reading text of an article element: blocks separated by blank lines, list items by lines. */
    private static String render(Element element, Pass pass, Lengths lengths) {
        List<String> blocks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        renderInto(element, pass, lengths, blocks, current);
        flush(blocks, current);
        StringBuilder out = new StringBuilder();
        for (String b : blocks) {
            String cleaned = PageFurniture.strip(b);
            if (cleaned.isEmpty()) {
                continue;
            }
            if (out.length() > 0) {
                out.append("\n\n");
            }
            out.append(cleaned);
        }
        return out.toString();
    }

    private static void renderInto(Element e, Pass pass, Lengths lengths, List<String> blocks, StringBuilder current) {
        for (Node child : e.childNodes()) {
            if (child instanceof TextNode t) {
                String s = t.text();
                if (!s.isBlank() || current.length() > 0) {
                    current.append(s);
                }
            } else if (child instanceof Element c) {
                String n = c.normalName();
                if (n.equals("br")) {
                    if (c.nextElementSibling() != null && c.nextElementSibling().nameIs("br")) {
                        flush(blocks, current);
                    } else {
                        current.append('\n');
                    }
                    continue;
                }
                if (pruned(c, pass, lengths)) {
                    continue;
                }
                boolean block = BLOCKS.contains(n);
                if (block) {
                    flush(blocks, current);
                }
                renderInto(c, pass, lengths, blocks, current);
                if (block) {
                    flush(blocks, current);
                } else if (LINES.contains(n)) {
                    current.append('\n');
                }
            }
        }
    }

    private static void flush(List<String> blocks, StringBuilder current) {
        String s = current.toString();
        current.setLength(0);
        StringBuilder lines = new StringBuilder();
        for (String line : s.split("\n")) {
            String l = TextCleaner.oneLine(line);
            if (!l.isEmpty()) {
                if (lines.length() > 0) {
                    lines.append('\n');
                }
                lines.append(l);
            }
        }
        if (lines.length() > 0) {
            blocks.add(lines.toString());
        }
    }

    /** Text and link-text lengths of every element, computed in one walk. */
    static final class Lengths {
        private final Map<Element, int[]> byElement = new IdentityHashMap<>();

        static Lengths of(Element root) {
            Lengths l = new Lengths();
            l.measure(root, false);
            return l;
        }

        private int[] measure(Element e, boolean inLink) {
            int[] m = new int[2];
            boolean link = inLink || e.nameIs("a");
            for (Node child : e.childNodes()) {
                if (child instanceof TextNode t) {
                    int n = visibleLength(t.getWholeText());
                    m[0] += n;
                    if (link) {
                        m[1] += n;
                    }
                } else if (child instanceof Element c) {
                    int[] cm = measure(c, link);
                    m[0] += cm[0];
                    m[1] += cm[1];
                }
            }
            byElement.put(e, m);
            return m;
        }

        int text(Element e) {
            int[] m = byElement.get(e);
            return m == null ? e.text().length() : m[0];
        }

        double linkDensity(Element e) {
            int[] m = byElement.get(e);
            if (m == null || m[0] == 0) {
                return 0;
            }
            return m[1] / (double) m[0];
        }

        private static int visibleLength(String s) {
            int n = 0;
            boolean space = false;
            for (int i = 0; i < s.length(); i++) {
                if (Character.isWhitespace(s.charAt(i))) {
                    space = true;
                } else {
                    if (space && n > 0) {
                        n++;
                    }
                    space = false;
                    n++;
                }
            }
            return n;
        }
    }
}
