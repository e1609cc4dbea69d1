package io.newsstream.ingest.extract;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.newsstream.ingest.clean.TextCleaner;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a page says about itself, read before any of it is removed: schema.org JSON-LD (an
 * {@code Article}, {@code NewsArticle}, {@code BlogPosting}... object), Open Graph and article meta
 * tags, {@code link rel=canonical}, {@code html lang} and {@code time[datetime]}. Structured data wins
 * over meta tags, which win over the visible page.
 */
record PageMetadata(String title, String headline, Instant publishedAt, String canonicalUrl, String siteName,
                    String language, String articleBody) {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();
    private static final Pattern ARTICLE_TYPE = Pattern.compile("(?i).*(article|blogposting|posting|report|newsarticle)$");
    private static final Pattern LANGUAGE = Pattern.compile("(?i)([a-z]{2,3})(?:[-_][a-z0-9]{1,8})*");
    private static final Pattern ISO_PREFIX = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2}))?(?:[.,]\\d+)?\\s*(Z|[+-]\\d{2}:?\\d{2})?)?");
    private static final String[] DATE_META = {
        "article:published_time", "og:article:published_time", "datePublished", "pubdate", "publishdate",
        "publish-date", "published_time", "publication_date", "date", "DC.date.issued", "dc.date", "DCTERMS.issued",
        "sailthru.date", "parsely-pub-date", "article.published", "og:published_time", "datepublished"};

    static PageMetadata read(Document doc) {
        JsonNode article = jsonLdArticle(doc);
        String headline = article == null ? null : text(article.path("headline"));
        String title = firstNonNull(meta(doc, "og:title"), meta(doc, "twitter:title"), blankToNull(doc.title()));

        Instant published = article == null ? null : date(text(article.path("datePublished")));
        for (int i = 0; published == null && i < DATE_META.length; i++) {
            published = date(meta(doc, DATE_META[i]));
        }
        if (published == null) {
            Element time = doc.selectFirst("[itemprop=datePublished][datetime], [itemprop=datePublished][content], time[pubdate][datetime]");
            if (time == null) {
                time = doc.selectFirst("article time[datetime], time[datetime]");
            }
            if (time != null) {
                published = date(time.hasAttr("datetime") ? time.attr("datetime") : time.attr("content"));
            }
        }

        String canonical = null;
        Element link = doc.selectFirst("link[rel=canonical][href]");
        if (link != null) {
            canonical = httpUrl(link.absUrl("href"));
        }
        if (canonical == null) {
            canonical = httpUrl(meta(doc, "og:url"));
        }

        String site = meta(doc, "og:site_name");
        if (site == null && article != null) {
            site = text(article.path("publisher").path("name"));
        }
        if (site == null) {
            site = meta(doc, "application-name");
        }

        String lang = language(doc.selectFirst("html") == null ? null : doc.selectFirst("html").attr("lang"));
        if (lang == null) {
            Element http = doc.selectFirst("meta[http-equiv~=(?i)content-language][content]");
            lang = http == null ? null : language(http.attr("content"));
        }
        if (lang == null) {
            lang = language(meta(doc, "og:locale"));
        }
        if (lang == null && article != null) {
            lang = language(text(article.path("inLanguage")));
        }
        String body = article == null ? null : text(article.path("articleBody"));
        return new PageMetadata(title, headline, published, canonical, site, lang, body);
    }

    /** The first schema.org object whose type is an article, searched through arrays and {@code @graph}. */
    private static JsonNode jsonLdArticle(Document doc) {
        for (Element script : doc.select("script[type~=(?i)application/ld\\+json]")) {
            try {
                JsonNode found = findArticle(JSON.readTree(script.data()), 0);
                if (found != null) {
                    return found;
                }
            } catch (Exception e) {
                // Broken structured data is common; the page's meta tags still stand.
            }
        }
        return null;
    }

    private static JsonNode findArticle(JsonNode node, int depth) {
        if (node == null || depth > 6) {
            return null;
        }
        if (node.isArray()) {
            for (JsonNode n : node) {
                JsonNode f = findArticle(n, depth + 1);
                if (f != null) {
                    return f;
                }
            }
            return null;
        }
        if (!node.isObject()) {
            return null;
        }
        JsonNode type = node.path("@type");
        List<String> types = new ArrayList<>();
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else if (type.isTextual()) {
            types.add(type.asText());
        }
        for (String t : types) {
            if (ARTICLE_TYPE.matcher(t).matches()) {
                return node;
            }
        }
        JsonNode f = findArticle(node.get("@graph"), depth + 1);
        return f != null ? f : findArticle(node.get("mainEntity"), depth + 1);
    }

    private static String meta(Document doc, String key) {
        for (Element e : doc.select("meta[content]")) {
            if (key.equalsIgnoreCase(e.attr("property")) || key.equalsIgnoreCase(e.attr("name"))
                    || key.equalsIgnoreCase(e.attr("itemprop"))) {
                String v = blankToNull(TextCleaner.oneLine(e.attr("content")));
                if (v != null) {
                    return v;
                }
            }
        }
        return null;
    }

    private static String text(JsonNode n) {
        if (n.isArray() && !n.isEmpty()) {
            n = n.get(0);
        }
        return n.isTextual() ? blankToNull(n.asText().strip()) : null;
    }

    /** A date as pages write it in metadata: ISO-8601 in its many spellings, or RFC 1123. */
    static Instant date(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.strip();
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeException ignored) {
            // next form
        }
        try {
            return ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeException ignored) {
            // next form
        }
        Matcher m = ISO_PREFIX.matcher(s);
        if (!m.lookingAt()) {
            return null;
        }
        try {
            LocalDate day = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            if (day.getYear() < 1900 || day.getYear() > 2100) {
                return null;
            }
            if (m.group(4) == null) {
                return day.atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            LocalDateTime at = day.atTime(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
            String z = m.group(7);
            ZoneOffset offset = z == null ? ZoneOffset.UTC
                    : ZoneOffset.of(z.length() == 5 ? z.substring(0, 3) + ":" + z.substring(3) : z);
            return at.toInstant(offset);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    static String language(String raw) {
        if (raw == null) {
            return null;
        }
        Matcher m = LANGUAGE.matcher(raw.strip());
        return m.matches() ? m.group(1).toLowerCase(Locale.ROOT) : null;
    }

    private static String httpUrl(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        String lower = t.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") ? t : null;
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
