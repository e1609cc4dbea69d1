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
 * says what went wrong (and whether trying again may help); the caller names the address. Feeds can be
 * fetched conditionally ({@code If-None-Match} / {@code If-Modified-Since}). One attempt per call:
 * retries, robots.txt and per-host delays are {@link PoliteFetcher}'s.
 */
public final class PageFetcher {

    /** Redirects followed before giving up (browsers allow about 20; a page needing more than 5 is broken). */
    public static final int MAX_REDIRECTS = 5;
    /** Largest page read (compressed or not): far above any real article page. */
    public static final long MAX_PAGE_BYTES = 16L * 1024 * 1024;
    /** The product token robots.txt groups are matched against ({@code User-agent: newsstream}). */
    public static final String ROBOT_NAME = "newsstream";
    /** The {@code User-Agent} sent when no contact is configured. */
    public static final String USER_AGENT = userAgent(null);
    /** Longest {@code Retry-After} read as such; a longer one is taken as this. */
    private static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

    private final HttpClient client;
    private final Duration timeout;
    private final long maxBytes;
    private final String userAgent;

    /** A fetcher with a 10-second connect timeout and {@code timeout} for each whole exchange. */
    public PageFetcher(Duration timeout) {
        this(timeout, USER_AGENT);
    }

    /** As {@link #PageFetcher(Duration)}, sending {@code userAgent} (see {@link #userAgent(String)}). */
    public PageFetcher(Duration timeout, String userAgent) {
        this(timeout, MAX_PAGE_BYTES, userAgent);
    }

    PageFetcher(Duration timeout, long maxBytes) {
        this(timeout, maxBytes, USER_AGENT);
    }

    PageFetcher(Duration timeout, long maxBytes, String userAgent) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.maxBytes = maxBytes;
        this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10).compareTo(timeout) < 0 ? Duration.ofSeconds(10) : timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * The identifying {@code User-Agent}: {@code newsstream/VERSION}, and in brackets the operator's
     * {@code contact} (a URL or an e-mail address; {@code ingest.fetch.contact}) when one is given.
     */
    public static String userAgent(String contact) {
        String c = contact == null ? "" : contact.strip().replaceAll("[\\p{Cntrl}()]", "");
        return ROBOT_NAME + "/" + version() + (c.isEmpty() ? " (news feed reader; honours robots.txt)"
                : " (+" + c + "; news feed reader; honours robots.txt)");
    }

    /** The {@code User-Agent} this fetcher sends. */
    public String userAgent() {
        return userAgent;
    }

    /**
     * A fetched page: where it ended up after redirects, its bytes (inflated), the charset its server
     * declared and its validators for a conditional request next time. {@code notModified} is a 304
     * answer to a conditional request: no body.
     */
    public record Page(URI url, byte[] body, String charset, Validators validators, boolean notModified) {
        public Page(URI url, byte[] body, String charset) {
            this(url, body, charset, Validators.NONE, false);
        }
    }

    /** A feed's {@code ETag} and {@code Last-Modified}, sent back as {@code If-None-Match} / {@code If-Modified-Since}. */
    public record Validators(String etag, String lastModified) {
        public static final Validators NONE = new Validators(null, null);

        public boolean isEmpty() {
            return etag == null && lastModified == null;
        }
    }

    /** What the server answered for a robots.txt: its final status, and the body when that is 2xx. */
    public record RobotsFile(URI url, int status, byte[] body, String contentType) {
    }

    /**
     * Fetches {@code url}.
     *
     * @throws FetchException naming what went wrong (not a web address, HTTP status, timeout, too big...)
     */
    public Page fetch(String url) throws FetchException {
        return fetch(url, PAGE_TYPES, PAGE_ACCEPT, "not a web page", Validators.NONE);
    }

    /**
     * Fetches the RSS or Atom feed at {@code url}, as {@link #fetch} does a page: XML types are accepted
     * (and HTML, so that the feed parser can say the address returned a page).
     */
    public Page fetchFeed(String url) throws FetchException {
        return fetchFeed(url, Validators.NONE);
    }

    /**
     * As {@link #fetchFeed(String)}, conditionally: {@code since}'s validators are sent, and a 304 answer
     * is a {@link Page#notModified()} page without a body.
     */
    public Page fetchFeed(String url, Validators since) throws FetchException {
        return fetch(url, FEED_TYPES, FEED_ACCEPT, "not a feed", since);
    }

    /**
     * Fetches a robots.txt, following redirects: any final status is an answer (the caller decides what a
     * 404 or a 503 means); only a failure to get one is a {@link FetchException}.
     */
    public RobotsFile fetchRobots(String url) throws FetchException {
        Answer a = follow(parse(url), "text/plain,*/*;q=0.1", Validators.NONE);
        int status = a.response().statusCode();
        byte[] body = status >= 200 && status < 300 ? inflate(a.response()) : new byte[0];
        return new RobotsFile(a.uri(), status, body, a.response().headers().firstValue("Content-Type").orElse(null));
    }

    private static final java.util.Set<String> PAGE_TYPES = java.util.Set.of("text/html", "application/xhtml+xml", "text/plain",
            "application/octet-stream");
    private static final java.util.Set<String> FEED_TYPES = java.util.Set.of("application/rss+xml", "application/atom+xml",
            "application/rdf+xml", "application/xml", "text/xml", "application/feed+xml", "text/html", "text/plain",
            "application/octet-stream");
    private static final String PAGE_ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1";
    private static final String FEED_ACCEPT = "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.1";

    private Page fetch(String url, java.util.Set<String> types, String accept, String notWhat, Validators since)
            throws FetchException {
        Answer answer = follow(parse(url), accept, since);
        URI uri = answer.uri();
        HttpResponse<byte[]> response = answer.response();
        int status = response.statusCode();
        if (status == 304 && !since.isEmpty()) {
            return new Page(uri, new byte[0], null, validators(response, since), true);
        }
        if (status == 429 || status >= 500 && status != 501 && status != 505) {
            throw FetchException.retryable("HTTP " + status + reason(status), retryAfter(response));
        }
        if (status != 200 && status != 203) {
            throw new FetchException("HTTP " + status + reason(status));
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        String mime = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!mime.isEmpty() && !types.contains(mime)) {
            throw new FetchException(notWhat + " (Content-Type " + mime + ")");
        }
        return new Page(uri, inflate(response), charset(type), validators(response, Validators.NONE), false);
    }

    /** The final answer and its address, after up to {@link #MAX_REDIRECTS} redirects. */
    private record Answer(URI uri, HttpResponse<byte[]> response) {
    }

    private Answer follow(URI start, String accept, Validators since) throws FetchException {
        URI uri = start;
        for (int hop = 0; ; hop++) {
            HttpResponse<byte[]> response = exchange(uri, accept, since);
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
            return new Answer(uri, response);
        }
    }

    /** The validators of an answer; a 304 that repeats none keeps those sent. */
    private static Validators validators(HttpResponse<byte[]> response, Validators sent) {
        String etag = response.headers().firstValue("ETag").map(String::strip).filter(v -> !v.isEmpty()).orElse(sent.etag());
        String modified = response.headers().firstValue("Last-Modified").map(String::strip).filter(v -> !v.isEmpty())
                .orElse(sent.lastModified());
        return new Validators(etag, modified);
    }

    /** {@code Retry-After} as seconds or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(HttpResponse<?> response) {
        Optional<String> header = response.headers().firstValue("Retry-After").map(String::strip);
        if (header.isEmpty() || header.get().isEmpty()) {
            return null;
        }
        String v = header.get();
        Duration d;
        if (v.matches("\\d{1,9}")) {
            d = Duration.ofSeconds(Long.parseLong(v));
        } else {
            try {
                java.time.ZonedDateTime at = java.time.ZonedDateTime.parse(v, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME);
                d = Duration.between(java.time.Instant.now(), at.toInstant());
            } catch (java.time.format.DateTimeParseException e) {
                return null;
            }
        }
        if (d.isNegative()) {
            return Duration.ZERO;
        }
        return d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d;
    }

    private HttpResponse<byte[]> exchange(URI uri, String accept, Validators since) throws FetchException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("User-Agent", userAgent)
                .header("Accept", accept)
                .header("Accept-Encoding", "gzip");
        if (since.etag() != null) {
            builder.header("If-None-Match", since.etag());
        }
        if (since.lastModified() != null) {
            builder.header("If-Modified-Since", since.lastModified());
        }
        HttpRequest request = builder.GET().build();
        CompletableFuture<HttpResponse<byte[]>> f = client.sendAsync(request, info -> new LimitedBody(maxBytes));
        try {
            // the request timeout only covers the wait for headers; this bounds a body that trickles
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw FetchException.retryable("no complete answer within " + seconds(timeout), null);
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted");
        } catch (ExecutionException e) {
            throw describe(e.getCause(), timeout);
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

    /** What went wrong in an exchange; timeouts, refused connections and broken reads may pass, so are retryable. */
    private static FetchException describe(Throwable e, Duration timeout) {
        if (e instanceof BodyTooLarge) {
            return new FetchException(e.getMessage());
        }
        if (e instanceof HttpConnectTimeoutException) {
            return FetchException.retryable("could not connect within the connect timeout (10 s)", null);
        }
        if (e instanceof HttpTimeoutException) {
            return FetchException.retryable("no complete answer within " + seconds(timeout), null);
        }
        if (e instanceof ConnectException || e != null && e.getCause() instanceof ConnectException) {
            return FetchException.retryable("connection refused", null);
        }
        if (e instanceof UnresolvedAddressException || e != null && e.getCause() instanceof UnresolvedAddressException) {
            return new FetchException("unknown host");
        }
        if (e instanceof IOException) {
            return FetchException.retryable("could not be read (" + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()) + ")", null);
        }
        return new FetchException("could not be fetched (" + e + ")");
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
