package io.newsstream.ingest.feed;

import io.newsstream.common.metrics.StageMetrics;
import io.newsstream.ingest.fetch.FetchException;
import io.newsstream.ingest.fetch.PageFetcher;
import io.newsstream.ingest.fetch.PoliteFetcher;
import io.newsstream.ingest.read.ArticleReader;
import io.newsstream.ingest.read.ReadResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jsoup.Jsoup;

/**
 * Turns the entries of a feed into articles: an entry whose feed content is a full article (at least
 * {@link #FULL_TEXT_CHARS} characters of text) is read from the feed; otherwise its page is fetched and
 * extracted, and the feed's content stands in when the page cannot be fetched or holds no article. An
 * entry's page is fetched once per process (a later poll skips links already read; ids from canonical
 * addresses and the raw topic's look-back keep the article from being published twice across feeds and
 * restarts). Each feed is fetched again conditionally (its last {@code ETag} / {@code Last-Modified}), so an
 * unchanged feed costs a 304 and no parsing. Feeds and pages are fetched through a {@link PoliteFetcher}
 * (robots.txt, per-host delay, retries); each feed fetch is counted by outcome in {@link StageMetrics}.
 */
public final class FeedReader {

    /** Feed content of at least this many characters of text is taken as the full article. */
    public static final int FULL_TEXT_CHARS = 1_000;
    /** Entry links remembered per process, the newest. */
    static final int REMEMBERED_LINKS = 100_000;

    /** Feeds whose validators are remembered. */
    static final int REMEMBERED_FEEDS = 10_000;

    /** Outcomes of a feed fetch, the {@code outcome} label of {@code newsstream_feed_fetches_total}. */
    public static final String OK = "ok";
    public static final String NOT_MODIFIED = "not_modified";
    public static final String DISALLOWED = "disallowed";
    public static final String ERROR = "error";

    private final ArticleReader reader;
    private final PoliteFetcher fetcher;
    private final StageMetrics metrics;
    private final Set<String> readLinks = new LinkedHashSet<>();
    private final Map<String, PageFetcher.Validators> validators = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PageFetcher.Validators> eldest) {
            return size() > REMEMBERED_FEEDS;
        }
    };

    public FeedReader(ArticleReader reader, PoliteFetcher fetcher) {
        this(reader, fetcher, new StageMetrics());
    }

    public FeedReader(ArticleReader reader, PoliteFetcher fetcher, StageMetrics metrics) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /**
     * What one read of a feed gave: whether it was unchanged since the last read (a 304: nothing else is
     * then set), its entries' results, how many entries were skipped as read before, and each failed attempt
     * that was retried (of the feed or of its pages), naming the address.
     */
    public record Result(String feed, boolean notModified, int entries, int skipped, List<ReadResult> articles,
                         List<String> retries) {
    }

    /**
     * Fetches and parses {@code feedUrl}, then reads each entry not read before in this process.
     *
     * @throws FeedException when the feed itself cannot be fetched or parsed (each entry's own failure is
     *                       a rejected result instead, named by its link)
     */
    public Result read(String feedUrl) throws FeedException, InterruptedException {
        List<String> retries = new ArrayList<>();
        PageFetcher.Page page;
        try {
            page = fetcher.feed(feedUrl, validators.getOrDefault(feedUrl, PageFetcher.Validators.NONE), retries::add);
        } catch (FetchException e) {
            metrics.feedFetch(e.disallowed() ? DISALLOWED : ERROR);
            throw new FeedException(e.getMessage(), retries);
        } finally {
            retries.forEach(r -> metrics.fetchRetry());
        }
        if (page.notModified()) {
            metrics.feedFetch(NOT_MODIFIED);
            validators.put(feedUrl, page.validators());
            return new Result(feedUrl, true, 0, 0, List.of(), retries);
        }
        List<FeedEntry> entries;
        try {
            entries = FeedParser.parse(page.body(), page.url());
        } catch (FeedException e) {
            metrics.feedFetch(ERROR);
            validators.remove(feedUrl);
            throw new FeedException(e.getMessage(), retries);
        }
        metrics.feedFetch(OK);
        // only a feed that parsed is fetched conditionally next time: a broken one is fetched whole again
        if (page.validators().isEmpty()) {
            validators.remove(feedUrl);
        } else {
            validators.put(feedUrl, page.validators());
        }
        List<ReadResult> out = new ArrayList<>();
        int skipped = 0;
        int n = 0;
        for (FeedEntry e : entries) {
            n++;
            if (e.link() != null && !remember(e.link())) {
                skipped++;
                continue;
            }
            int before = retries.size();
            out.add(entry(feedUrl, n, e, retries));
            retries.subList(before, retries.size()).forEach(r -> metrics.fetchRetry());
        }
        return new Result(feedUrl, false, entries.size(), skipped, out, retries);
    }

    private ReadResult entry(String feedUrl, int n, FeedEntry e, List<String> retries) throws InterruptedException {
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
            PageFetcher.Page p = fetcher.page(e.link(), retries::add);
            page = reader.readPage(p.body(), p.charset(), p.url().toString(), origin);
        } catch (FetchException ex) {
            page = ReadResult.rejected(origin, ex.getMessage());
            if (ex.disallowed()) {
                // the site does not want its pages read by robots: its feed's summary is not a way around that
                return page;
            }
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

    private boolean remember(String link) {
        if (!readLinks.add(link)) {
            return false;
        }
        if (readLinks.size() > REMEMBERED_LINKS) {
            readLinks.remove(readLinks.iterator().next());
        }
        return true;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
