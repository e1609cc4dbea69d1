package io.newsstream.ingest.feed;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import io.newsstream.ingest.read.Dates;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the entries of an RSS (0.9x, 1.0, 2.0) or Atom feed with the JDK's streaming XML parser. No DTD
 * and no external entity is ever read (a feed is untrusted input: no XXE, no entity expansion bombs).
 * Elements are matched by local name, so namespace prefixes do not matter; {@code content:encoded}
 * and Atom {@code content} are the entry's body when present, else {@code description}/{@code summary}.
 */
public final class FeedParser {

    private static final XMLInputFactory XML = factory();

    private FeedParser() {
    }

    /**
     * @param xml  the feed document's bytes (the parser honours its XML declaration's encoding)
     * @param base the feed's address, against which relative entry links are resolved
     * @throws FeedException when the document is not a well-formed RSS or Atom feed, with where and why
     */
    public static List<FeedEntry> parse(byte[] xml, URI base) throws FeedException {
        String head = new String(xml, 0, Math.min(xml.length, 512), java.nio.charset.StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        if (head.contains("<!doctype html") || head.contains("<html")) {
            throw new FeedException("not a feed: the address returned an HTML page");
        }
        List<FeedEntry> out = new ArrayList<>();
        XMLStreamReader r = null;
        try {
            r = XML.createXMLStreamReader(new ByteArrayInputStream(xml));
            String root = null;
            Entry e = null;
            String inText = null;
            StringBuilder text = new StringBuilder();
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String name = r.getLocalName().toLowerCase(Locale.ROOT);
                    if (root == null) {
                        root = name;
                        if (!root.equals("rss") && !root.equals("rdf") && !root.equals("feed")) {
                            throw new FeedException("not a feed: the document's root element is <" + r.getLocalName()
                                    + ">, not <rss>, <rdf:RDF> or <feed>");
                        }
                        continue;
                    }
                    if (e == null && (name.equals("item") || name.equals("entry"))) {
                        e = new Entry();
                        continue;
                    }
                    if (e == null) {
                        continue;
                    }
                    if (name.equals("link")) {
                        String href = r.getAttributeValue(null, "href");
                        String rel = r.getAttributeValue(null, "rel");
                        if (href != null && (rel == null || rel.equals("alternate")) && e.link == null) {
                            e.link = href.trim();
                        }
                    }
                    if (inText == null && isField(name)) {
                        inText = name;
                        text.setLength(0);
                    }
                } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA
                        || ev == XMLStreamConstants.SPACE) {
                    if (inText != null) {
                        text.append(r.getText());
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    String name = r.getLocalName().toLowerCase(Locale.ROOT);
                    if (e != null && inText != null && name.equals(inText)) {
                        e.set(name, text.toString().trim());
                        inText = null;
                    } else if (e != null && (name.equals("item") || name.equals("entry"))) {
                        out.add(e.toEntry(base));
                        e = null;
                    }
                }
            }
            if (root == null) {
                throw new FeedException("not a feed: the document is empty");
            }
        } catch (XMLStreamException ex) {
            String where = ex.getLocation() == null ? ""
                    : " at line " + ex.getLocation().getLineNumber() + ", column " + ex.getLocation().getColumnNumber();
            throw new FeedException("not well-formed XML" + where + ": " + firstLine(ex.getMessage()));
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing held
                }
            }
        }
        return out;
    }

    private static boolean isField(String name) {
        return switch (name) {
            case "title", "link", "guid", "id", "pubdate", "date", "published", "updated", "description", "summary",
                 "encoded", "content" -> true;
            default -> false;
        };
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        String t = s.replaceAll("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "");
        int nl = t.indexOf('\n');
        return (nl < 0 ? t : t.substring(0, nl)).trim();
    }

    /** What the parser collects of one item or entry. */
    private static final class Entry {
        String title;
        String link;
        String guid;
        String date;
        String summary;
        String content;

        void set(String field, String value) {
            if (value.isEmpty()) {
                return;
            }
            switch (field) {
                case "title" -> title = title == null ? value : title;
                case "link" -> link = link == null ? value : link;
                case "guid", "id" -> guid = guid == null ? value : guid;
                case "pubdate", "published", "date" -> date = date == null ? value : date;
                case "updated" -> date = date == null ? value : date;
                case "description", "summary" -> summary = summary == null ? value : summary;
                case "encoded", "content" -> content = content == null ? value : content;
                default -> { }
            }
        }

        FeedEntry toEntry(URI base) {
            String url = link;
            if (url == null && guid != null && (guid.startsWith("http://") || guid.startsWith("https://"))) {
                url = guid;
            }
            if (url != null && base != null) {
                try {
                    url = base.resolve(url.replace(" ", "%20")).toString();
                } catch (IllegalArgumentException ignored) {
                    // kept as written; fetching it will name the problem
                }
            }
            Instant published = date == null ? null : date(date);
            return new FeedEntry(title, url, published, content != null ? content : summary);
        }
    }

    /** An RFC 822 date (RSS {@code pubDate}) or an ISO 8601 one (Atom, Dublin Core), as a date field is read; else null. */
    static Instant date(String s) {
        return Dates.parseField(s.replaceAll("\\s+", " ")).orElse(null);
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }
}
