package io.newsstream.ingest.fetch;

import io.newsstream.ingest.extract.PageBytes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.ZipException;

/**
 * Fetches one web page over HTTP(S) for extraction: an identifying {@code User-Agent}, gzip accepted,
 * redirects followed up to {@link #MAX_REDIRECTS}, the whole exchange bounded in time and the body
 * (also once inflated) in size. Anything else than a page is a {@link FetchException} whose message
 * says what went wrong; the caller names the address.
 */
public final class PageFetcher {

    /** Redirects followed before giving up (browsers allow about 20; a page needing more than 5 is broken). */
    public static final int MAX_REDIRECTS = 5;
    /** Largest page read (compressed or not): far above any real article page. */
    public static final long MAX_PAGE_BYTES = 16L * 1024 * 1024;
    public static final String USER_AGENT = "newsstream/" + version() + " (news ingest; one request per page)";

    private final HttpClient client;
    private final Duration timeout;
    private final long maxBytes;

    /** A fetcher with a 10-second connect timeout and {@code timeout} for each whole exchange. */
    public PageFetcher(Duration timeout) {
        this(timeout, MAX_PAGE_BYTES);
    }

    PageFetcher(Duration timeout, long maxBytes) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.maxBytes = maxBytes;
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10).compareTo(timeout) < 0 ? Duration.ofSeconds(10) : timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A fetched page: where it ended up after redirects, its bytes (inflated) and the charset its server declared. */
    public record Page(URI url, byte[] body, String charset) {
    }

    /**
     * Fetches {@code url}.
     *
     * @throws FetchException naming what went wrong (not a web address, HTTP status, timeout, too big...)
     */
    public Page fetch(String url) throws FetchException {
        return fetch(url, PAGE_TYPES, PAGE_ACCEPT, "not a web page");
    }

    /**
     * Fetches the RSS or Atom feed at {@code url}, as {@link #fetch} does a page: XML types are accepted
     * (and HTML, so that the feed parser can say the address returned a page).
     */
    public Page fetchFeed(String url) throws FetchException {
        return fetch(url, FEED_TYPES, FEED_ACCEPT, "not a feed");
    }

    private static final java.util.Set<String> PAGE_TYPES = java.util.Set.of("text/html", "application/xhtml+xml", "text/plain",
            "application/octet-stream");
    private static final java.util.Set<String> FEED_TYPES = java.util.Set.of("application/rss+xml", "application/atom+xml",
            "application/rdf+xml", "application/xml", "text/xml", "application/feed+xml", "text/html", "text/plain",
            "application/octet-stream");
    private static final String PAGE_ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1";
    private static final String FEED_ACCEPT = "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.1";

    private Page fetch(String url, java.util.Set<String> types, String accept, String notWhat) throws FetchException {
        URI uri = parse(url);
        for (int hop = 0; ; hop++) {
            HttpResponse<byte[]> response = exchange(uri, accept);
            int status = response.statusCode();
            if (status >= 300 && status < 400 && status != 304) {
                Optional<String> location = response.headers().firstValue("Location");
                if (location.isEmpty()) {
                    throw new FetchException("HTTP " + status + " redirect without a Location header");
                }
                if (hop >= MAX_REDIRECTS) {
                    throw new FetchException("more than " + MAX_REDIRECTS + " redirects (last to " + location.get() + ")");
                }
                try {
                    uri = uri.resolve(new URI(location.get().strip().replace(" ", "%20")));
                } catch (URISyntaxException | IllegalArgumentException e) {
                    throw new FetchException("redirect to an unreadable address (" + location.get() + ")");
                }
                checkScheme(uri);
                continue;
            }
            if (status != 200 && status != 203) {
                throw new FetchException("HTTP " + status + reason(status));
            }
            String type = response.headers().firstValue("Content-Type").orElse("");
            String mime = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            if (!mime.isEmpty() && !types.contains(mime)) {
                throw new FetchException(notWhat + " (Content-Type " + mime + ")");
            }
            return new Page(uri, inflate(response), charset(type));
        }
    }

    private HttpResponse<byte[]> exchange(URI uri, String accept) throws FetchException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("User-Agent", USER_AGENT)
                .header("Accept", accept)
                .header("Accept-Encoding", "gzip")
                .GET().build();
        CompletableFuture<HttpResponse<byte[]>> f = client.sendAsync(request, info -> new LimitedBody(maxBytes));
        try {
            // the request timeout only covers the wait for headers; this bounds a body that trickles
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new FetchException("no complete answer within " + seconds(timeout));
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted");
        } catch (ExecutionException e) {
            throw new FetchException(describe(e.getCause(), timeout));
        }
    }

    private byte[] inflate(HttpResponse<byte[]> response) throws FetchException {
        String encoding = response.headers().firstValue("Content-Encoding").orElse("identity").strip().toLowerCase(Locale.ROOT);
        if (encoding.equals("identity") || encoding.isEmpty()) {
            return response.body();
        }
        if (!encoding.equals("gzip") && !encoding.equals("x-gzip")) {
            throw new FetchException("unsupported Content-Encoding " + encoding);
        }
        try {
            return PageBytes.gunzip(new ByteArrayInputStream(response.body()), maxBytes);
        } catch (ZipException e) {
            throw new FetchException("the gzipped body is not gzip data (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new FetchException("the gzipped body " + e.getMessage() + "; not read");
        }
    }

    private static URI parse(String url) throws FetchException {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new FetchException("not a web address (" + e.getReason() + ")");
        }
        checkScheme(uri);
        return uri;
    }

    private static void checkScheme(URI uri) throws FetchException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new FetchException("not an http(s) address with a host");
        }
    }

    static String charset(String contentType) {
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                String c = p.substring("charset=".length()).strip();
                return c.replace("\"", "").replace("'", "");
            }
        }
        return null;
    }

    private static String describe(Throwable e, Duration timeout) {
        if (e instanceof BodyTooLarge) {
            return e.getMessage();
        }
        if (e instanceof HttpConnectTimeoutException) {
            return "could not connect within the connect timeout (10 s)";
        }
        if (e instanceof HttpTimeoutException) {
            return "no complete answer within " + seconds(timeout);
        }
        if (e instanceof ConnectException || e != null && e.getCause() instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof UnresolvedAddressException || e != null && e.getCause() instanceof UnresolvedAddressException) {
            return "unknown host";
        }
        if (e instanceof IOException) {
            return "could not be read (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")";
        }
        return "could not be fetched (" + e + ")";
    }

    private static String reason(int status) {
        return switch (status) {
            case 401, 403 -> " (access refused)";
            case 404 -> " (not found)";
            case 410 -> " (gone)";
            case 429 -> " (too many requests)";
            default -> status >= 500 ? " (server error)" : "";
        };
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static String version() {
        String v = PageFetcher.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** The body is over the size limit. */
    private static final class BodyTooLarge extends IOException {
        BodyTooLarge(long limit) {
            super("the page is over " + limit + " bytes; not read");
        }
    }

    /** Collects a body, cancelling the exchange as soon as it passes the limit. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final long limit;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        LimitedBody(long limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer b : buffers) {
                if (out.size() + (long) b.remaining() > limit) {
                    subscription.cancel();
                    result.completeExceptionally(new BodyTooLarge(limit));
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                out.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(out.toByteArray());
        }
    }
}
