package io.newsstream.ingest.feed;

import io.newsstream.ingest.fetch.FetchException;
import io.newsstream.ingest.fetch.PageFetcher;
import io.newsstream.ingest.read.ArticleReader;
import io.newsstream.ingest.read.ReadResult;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;
import org.jsoup.Jsoup;

/**
 * Turns the entries of a feed into articles: an entry whose feed content is a full article (at least
 * {@link #FULL_TEXT_CHARS} characters of text) is read from the feed; otherwise its page is fetched and
 * extracted, and the feed's content stands in when the page cannot be fetched or holds no article. An
 * entry's page is fetched once per process (a later poll skips links already read; ids from canonical
 * addresses and the raw topic's look-back keep the article from being published twice across feeds and
 * restarts). Pages of one host are fetched at most one per {@code hostDelay}.
 */
public final class FeedReader {

    /** Feed content of at least this many characters of text is taken as the full article. */
    public static final int FULL_TEXT_CHARS = 1_000;
    /** Entry links remembered per process, the newest. */
    static final int REMEMBERED_LINKS = 100_000;

    private final ArticleReader reader;
    private final PageFetcher fetcher;
    private final long hostDelayNanos;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private final Set<String> readLinks = new LinkedHashSet<>();
    private final Map<String, Long> lastFetch = new HashMap<>();

    /** Waits, so tests can run without waiting. */
    public interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    public FeedReader(ArticleReader reader, PageFetcher fetcher, Duration hostDelay) {
        this(reader, fetcher, hostDelay, System::nanoTime, nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
    }

    FeedReader(ArticleReader reader, PageFetcher fetcher, Duration hostDelay, LongSupplier nanoTime, Sleeper sleeper) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.hostDelayNanos = hostDelay.toNanos();
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    /** What one read of a feed gave: its entries' results, and how many entries were skipped as read before. */
    public record Result(String feed, int entries, int skipped, List<ReadResult> articles) {
    }

    /**
     * Fetches and parses {@code feedUrl}, then reads each entry not read before in this process.
     *
     * @throws FeedException when the feed itself cannot be fetched or parsed (each entry's own failure is
     *                       a rejected result instead, named by its link)
     */
    public Result read(String feedUrl) throws FeedException, InterruptedException {
        PageFetcher.Page page;
        try {
            page = fetch(feedUrl, true);
        } catch (FetchException e) {
            throw new FeedException(e.getMessage());
        }
        List<FeedEntry> entries = FeedParser.parse(page.body(), page.url());
        List<ReadResult> out = new ArrayList<>();
        int skipped = 0;
        int n = 0;
        for (FeedEntry e : entries) {
            n++;
            if (e.link() != null && !remember(e.link())) {
                skipped++;
                continue;
            }
            out.add(entry(feedUrl, n, e));
        }
        return new Result(feedUrl, entries.size(), skipped, out);
    }

    private ReadResult entry(String feedUrl, int n, FeedEntry e) throws InterruptedException {
        String origin = e.link() != null ? e.link() : feedUrl + " entry " + n;
        String bodyText = e.body() == null ? "" : Jsoup.parse(e.body()).text();
        if (bodyText.length() >= FULL_TEXT_CHARS || e.link() == null) {
            if (bodyText.isBlank()) {
                return ReadResult.rejected(origin, "no text (the feed entry has no link and no content)");
            }
            return fromFeed(e, origin);
        }
        ReadResult page;
        try {
            PageFetcher.Page p = fetch(e.link(), false);
            page = reader.readPage(p.body(), p.charset(), p.url().toString(), origin);
        } catch (FetchException ex) {
            page = ReadResult.rejected(origin, ex.getMessage());
        }
        if (page.isAccepted() || bodyText.isBlank()) {
            return page;
        }
        ReadResult summary = fromFeed(e, origin);
        return summary.isAccepted() ? summary : page;
    }

    /** The entry's feed content as a small page, so one extractor and one id rule serve both paths. */
    private ReadResult fromFeed(FeedEntry e, String origin) {
        String title = e.title() == null ? null : escape(Jsoup.parse(e.title()).text());
        StringBuilder html = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\">");
        if (title != null) {
            html.append("<title>").append(title).append("</title>");
        }
        if (e.publishedAt() != null) {
            html.append("<meta property=\"article:published_time\" content=\"").append(e.publishedAt()).append("\">");
        }
        if (e.link() != null) {
            html.append("<link rel=\"canonical\" href=\"").append(escape(e.link())).append("\">");
        }
        html.append("</head><body><article>");
        if (title != null) {
            html.append("<h1>").append(title).append("</h1>");
        }
        html.append(e.body()).append("</article></body></html>");
        return reader.readPage(html.toString().getBytes(StandardCharsets.UTF_8), "UTF-8", e.link(), origin);
    }

    private PageFetcher.Page fetch(String url, boolean feed) throws FetchException, InterruptedException {
        String host = host(url);
        if (host != null && hostDelayNanos > 0) {
            Long last = lastFetch.get(host);
            if (last != null) {
                long wait = last + hostDelayNanos - nanoTime.getAsLong();
                if (wait > 0) {
                    sleeper.sleep(wait);
                }
            }
        }
        try {
            return feed ? fetcher.fetchFeed(url) : fetcher.fetch(url);
        } finally {
            if (host != null) {
                lastFetch.put(host, nanoTime.getAsLong());
            }
        }
    }

    private boolean remember(String link) {
        if (!readLinks.add(link)) {
            return false;
        }
        if (readLinks.size() > REMEMBERED_LINKS) {
            readLinks.remove(readLinks.iterator().next());
        }
        return true;
    }

    private static String host(String url) {
        try {
            String h = URI.create(url).getHost();
            return h == null ? null : h.toLowerCase(java.util.Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
