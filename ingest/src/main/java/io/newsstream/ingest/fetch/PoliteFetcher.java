package io.newsstream.ingest.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * Fetches feeds and their pages as a polite crawler does, around a {@link PageFetcher}:
 * <ul>
 *   <li>each host's {@code /robots.txt} is honoured (crawler-commons' RFC 9309 parser; the group of
 *       {@code User-agent: newsstream}, else {@code *}), kept for {@link #ROBOTS_TTL}; a robots.txt that
 *       answers 4xx allows everything, one that cannot be read (5xx, 429, no connection) allows nothing
 *       until it can, asked again after {@link #ROBOTS_RETRY};</li>
 *   <li>requests to one host are at least the host delay apart, or the host's {@code Crawl-delay} when that
 *       is longer (up to {@link #MAX_CRAWL_DELAY}; a host asking for more is not fetched from);</li>
 *   <li>a failure that may pass ({@link FetchException#retryable()}) is tried again per the
 *       {@link RetryPolicy}, each failed attempt told to the caller.</li>
 * </ul>
 * One reader thread at a time: not thread safe.
 */
public final class PoliteFetcher {

    /** How long a host's robots.txt is kept (RFC 9309 asks for at most 24 hours). */
    public static final Duration ROBOTS_TTL = Duration.ofHours(24);
    /** How soon a robots.txt that could not be read is asked for again. */
    public static final Duration ROBOTS_RETRY = Duration.ofMinutes(10);
    /** Longest {@code Crawl-delay} waited between two requests to a host. */
    public static final Duration MAX_CRAWL_DELAY = Duration.ofSeconds(60);
    /** RFC 9309 asks crawlers to read at least 500 KiB of a robots.txt; the rest is ignored. */
    static final int ROBOTS_MAX_BYTES = 512 * 1024;
    /** Hosts whose robots.txt and last request time are remembered, the most recently used. */
    static final int HOSTS_REMEMBERED = 10_000;

    /** Waits, so tests can run without waiting. */
    public interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private interface Call<T> {
        T get() throws FetchException;
    }

    /** A host's rules, until {@code expiresAt}; {@code refusal} says why nothing is fetched from it, or is null. */
    private record Robots(BaseRobotRules rules, String refusal, long crawlDelayNanos, long expiresAt) {
    }

    private final PageFetcher fetcher;
    private final long hostDelayNanos;
    private final RetryPolicy retry;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private final DoubleSupplier random;
    private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser(Long.MAX_VALUE, 5);
    private final Map<String, Robots> robots = lru();
    private final Map<String, Long> lastRequest = lru();

    /** Real time, {@link RetryPolicy#DEFAULT}. */
    public PoliteFetcher(PageFetcher fetcher, Duration hostDelay) {
        this(fetcher, hostDelay, RetryPolicy.DEFAULT, System::nanoTime,
                nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)), () -> ThreadLocalRandom.current().nextDouble());
    }

    /** With its own retries, clock, waits and jitter (tests). */
    public PoliteFetcher(PageFetcher fetcher, Duration hostDelay, RetryPolicy retry, LongSupplier nanoTime, Sleeper sleeper,
                         DoubleSupplier random) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.hostDelayNanos = hostDelay.toNanos();
        this.retry = Objects.requireNonNull(retry, "retry");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The {@code User-Agent} sent, whose product token robots.txt groups are matched against. */
    public String userAgent() {
        return fetcher.userAgent();
    }

    /**
     * Fetches the feed at {@code url} conditionally on {@code since} ({@link PageFetcher#fetchFeed(String,
     * PageFetcher.Validators)}).
     *
     * @param failures told each failed attempt that is retried, naming the address
     * @throws FetchException when it cannot be had: robots.txt disallows it ({@link FetchException#disallowed()}),
     *                        or the last attempt failed (its message then counts the attempts)
     */
    public PageFetcher.Page feed(String url, PageFetcher.Validators since, Consumer<String> failures)
            throws FetchException, InterruptedException {
        return polite(url, failures, () -> fetcher.fetchFeed(url, since));
    }

    /** Fetches the web page at {@code url}, as {@link #feed} does a feed. */
    public PageFetcher.Page page(String url, Consumer<String> failures) throws FetchException, InterruptedException {
        return polite(url, failures, () -> fetcher.fetch(url));
    }

    private <T> T polite(String url, Consumer<String> failures, Call<T> call) throws FetchException, InterruptedException {
        URI uri = uri(url);
        if (uri == null) {
            return call.get(); // the fetcher says what is wrong with the address
        }
        String origin = origin(uri);
        Robots r = robots(origin, failures);
        if (r.refusal() != null) {
            throw FetchException.disallowed(r.refusal());
        }
        if (!r.rules().isAllowed(uri.toString())) {
            throw FetchException.disallowed("skipped: " + origin + "/robots.txt disallows it for " + PageFetcher.ROBOT_NAME);
        }
        return withRetries(url, host(uri), Math.max(hostDelayNanos, r.crawlDelayNanos()), failures, call);
    }

    private Robots robots(String origin, Consumer<String> failures) throws InterruptedException {
        Robots known = robots.get(origin);
        long now = nanoTime.getAsLong();
        if (known != null && now - known.expiresAt() < 0) {
            return known;
        }
        String robotsUrl = origin + "/robots.txt";
        Robots r;
        try {
            PageFetcher.RobotsFile file = withRetries(robotsUrl, host(URI.create(robotsUrl)), hostDelayNanos, failures, () -> {
                PageFetcher.RobotsFile f = fetcher.fetchRobots(robotsUrl);
                if (f.status() == 429 || f.status() >= 500) {
                    throw FetchException.retryable("HTTP " + f.status(), null);
                }
                return f;
            });
            r = rules(origin, file);
        } catch (FetchException e) {
            if (e.retryable()) {
                r = new Robots(parser.failedFetch(503), origin + "/robots.txt could not be read (" + e.getMessage()
                        + "); nothing is fetched from " + origin + " until it can be", 0, nanoTime.getAsLong() + ROBOTS_RETRY.toNanos());
            } else {
                // unknown host, too many redirects...: as if there were none (the page's own fetch says what is wrong)
                r = new Robots(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL), null, 0,
                        nanoTime.getAsLong() + ROBOTS_RETRY.toNanos());
            }
        }
        robots.put(origin, r);
        return r;
    }

    private Robots rules(String origin, PageFetcher.RobotsFile file) {
        long expires = nanoTime.getAsLong() + ROBOTS_TTL.toNanos();
        if (file.status() < 200 || file.status() >= 300) {
            // 4xx, or a 3xx left unfollowed: "unavailable", which allows everything (RFC 9309 2.3.1.3)
            return new Robots(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL), null, 0, expires);
        }
        byte[] body = file.body().length > ROBOTS_MAX_BYTES ? Arrays.copyOf(file.body(), ROBOTS_MAX_BYTES) : file.body();
        BaseRobotRules rules = parser.parseContent(file.url().toString(), body, file.contentType(), List.of(PageFetcher.ROBOT_NAME));
        long delayMs = rules.getCrawlDelay();
        if (delayMs == BaseRobotRules.UNSET_CRAWL_DELAY || delayMs <= 0) {
            return new Robots(rules, null, 0, expires);
        }
        Duration delay = Duration.ofMillis(delayMs);
        if (delay.compareTo(MAX_CRAWL_DELAY) > 0) {
            return new Robots(rules, origin + "/robots.txt asks for a Crawl-delay of " + delay.toSeconds() + " s, more than the "
                    + MAX_CRAWL_DELAY.toSeconds() + " s this reader waits; nothing is fetched from " + origin, 0, expires);
        }
        return new Robots(rules, null, delay.toNanos(), expires);
    }

    private <T> T withRetries(String url, String host, long delayNanos, Consumer<String> failures, Call<T> call)
            throws FetchException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            awaitTurn(host, delayNanos);
            FetchException failure;
            try {
                return call.get();
            } catch (FetchException e) {
                failure = e;
            } finally {
                lastRequest.put(host, nanoTime.getAsLong());
            }
            if (!failure.retryable()) {
                throw failure;
            }
            Optional<Duration> wait = retry.delay(attempt, failure.retryAfter(), random.getAsDouble());
            if (wait.isEmpty()) {
                String why = failure.getMessage();
                if (failure.retryAfter().isPresent() && attempt < retry.attempts()) {
                    why += "; the server asks to wait " + seconds(failure.retryAfter().get()) + ", longer than "
                            + seconds(retry.cap()) + ": not retried now";
                }
                throw retry.attempts() == 1 ? failure : failure.withMessage(why + " (" + attempt + (attempt == 1 ? " attempt)" : " attempts)"));
            }
            failures.accept(url + ": " + failure.getMessage() + ", attempt " + attempt + " of " + retry.attempts()
                    + ", retried in " + seconds(wait.get()));
            sleeper.sleep(wait.get().toNanos());
        }
    }

    private void awaitTurn(String host, long delayNanos) throws InterruptedException {
        Long last = lastRequest.get(host);
        if (last != null && delayNanos > 0) {
            long wait = last + delayNanos - nanoTime.getAsLong();
            if (wait > 0) {
                sleeper.sleep(wait);
            }
        }
    }

    private static URI uri(String url) {
        try {
            URI u = new URI(url.strip());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null ? u : null;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    /** {@code scheme://host[:port]}: robots.txt belongs to one scheme, host and port (RFC 9309 2.3). */
    private static String origin(URI u) {
        String scheme = u.getScheme().toLowerCase(Locale.ROOT);
        int port = u.getPort();
        boolean standard = port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
        return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (standard ? "" : ":" + port);
    }

    private static String host(URI u) {
        return u.getHost() == null ? "" : u.getHost().toLowerCase(Locale.ROOT);
    }

    private static String seconds(Duration d) {
        if (d.toMillis() < 1000) {
            return d.toMillis() + " ms";
        }
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    private static <V> Map<String, V> lru() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > HOSTS_REMEMBERED;
            }
        };
    }
}
