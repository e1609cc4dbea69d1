package io.newsstream.ingest.extract;

import io.newsstream.ingest.clean.Html;
import io.newsstream.ingest.clean.TextCleaner;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * First cut of the article extractor: metadata from the head, the body from the element with the most
 * paragraph text. Replaced by a scoring extractor behind the same interface.
 */
final class ArticleExtractor implements PageExtractor {

    @Override
    public ExtractedPage extract(String html, String url) {
        Document doc = url == null ? Jsoup.parse(html == null ? "" : html) : Jsoup.parse(html == null ? "" : html, url);
        String title = meta(doc, "og:title");
        if (title == null) {
            title = blankToNull(doc.title());
        }
        String canonical = null;
        Element link = doc.selectFirst("link[rel=canonical][href]");
        if (link != null) {
            canonical = blankToNull(link.absUrl("href"));
        }
        if (canonical == null) {
            canonical = meta(doc, "og:url");
        }
        String lang = blankToNull(doc.select("html").attr("lang"));
        if (lang != null) {
            lang = lang.split("[-_]")[0].toLowerCase(java.util.Locale.ROOT);
        }
        doc.select("script, style, noscript, nav, header, footer, aside, form").remove();
        Element best = doc.body();
        int bestLen = -1;
        for (Element e : doc.select("article, main, div, section")) {
            int len = 0;
            for (Element p : e.children()) {
                if (p.nameIs("p")) {
                    len += p.text().length();
                }
            }
            if (len > bestLen) {
                bestLen = len;
                best = e;
            }
        }
        List<String> paragraphs = new ArrayList<>();
        for (Element p : best.select("p")) {
            String t = TextCleaner.oneLine(p.text());
            if (!t.isEmpty()) {
                paragraphs.add(t);
            }
        }
        String text = paragraphs.isEmpty() ? Html.toText(best.html()) : String.join("\n\n", paragraphs);
        return new ExtractedPage(title, text, null, canonical, meta(doc, "og:site_name"), lang, List.of());
    }

    private static String meta(Document doc, String property) {
        Element e = doc.selectFirst("meta[property=" + property + "], meta[name=" + property + "]");
        return e == null ? null : blankToNull(TextCleaner.oneLine(e.attr("content")));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
