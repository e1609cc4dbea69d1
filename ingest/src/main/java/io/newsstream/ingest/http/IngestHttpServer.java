package io.newsstream.ingest.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newsstream.common.config.ConfigException;
import io.newsstream.common.config.IngestConfig;
import io.newsstream.common.serde.Json;
import io.newsstream.ingest.Ingestor;
import io.newsstream.ingest.publish.ArticleSink;
import io.newsstream.ingest.read.ArticleReader;
import io.newsstream.ingest.read.ReadResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest HTTP endpoint, on the JDK's built-in server.
 *
 * <ul>
 *   <li>{@code POST /articles} with {@code application/json}: one article object, or an array of them
 *       (all or nothing: one bad item rejects the request); with {@code text/plain}: the body is the
 *       text, metadata in query parameters ({@code title}, {@code source}, {@code url},
 *       {@code publishedAt}, {@code language}, {@code id}) or {@code X-Article-*} headers.
 *       Answers 202 {@code {"id": "...", "status": "accepted"|"duplicate"}} (for an array,
 *       {@code {"articles": [...]}}), 400 {@code {"error": "..."}}, 401 without the right bearer
 *       token, 405, 413 over {@code ingest.http.max.bytes}, 415, 429 over {@code ingest.http.rate},
 *       503 when the article cannot be written.</li>
 *   <li>{@code GET /health}: 200 {@code {"status": "ok", ...counts}}; needs no token.</li>
 * </ul>
 *
 * It refuses to start on an address other than loopback without a token. It logs request lines and
 * reasons, never bodies or the token. Requests run on a small bounded pool.
 */
public final class IngestHttpServer implements AutoCloseable {

    public static final String ARTICLES_PATH = "/articles";
    public static final String HEALTH_PATH = "/health";
    /** Worker threads; publishing is asynchronous, so a few are plenty. */
    static final int THREADS = 4;
    private static final int QUEUE = 64;
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(30);
    private static final int STOP_GRACE_SECONDS = 2;
    private static final String TEXT_PREFIX = "X-Article-";
    /** An over-size body is read and discarded up to this many times the limit, so the 413 reaches the client. */
    private static final int LINGER_FACTOR = 8;

    private static final Logger LOG = LoggerFactory.getLogger(IngestHttpServer.class);

    private final HttpServer server;
    private final ThreadPoolExecutor pool;
    private final Ingestor ingestor;
    private final int maxBytes;
    private final byte[] tokenDigest;
    private final TokenBucket bucket;

    private IngestHttpServer(HttpServer server, IngestConfig config, Ingestor ingestor, LongSupplier nanoTime) {
        this.server = server;
        this.ingestor = ingestor;
        this.maxBytes = config.httpMaxBytes();
        this.tokenDigest = config.httpToken().map(IngestHttpServer::sha256).orElse(null);
        this.bucket = new TokenBucket(config.httpRatePerSec(), nanoTime);
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread t = new Thread(r, "ingest-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.CallerRunsPolicy());
        server.setExecutor(pool);
        server.createContext("/", this::handle);
    }

    /**
     * Starts the endpoint on {@code config}'s address and port ({@code ingest.http.bind},
     * {@code ingest.http.port}; port 0 picks a free one).
     *
     * @throws ConfigException when the address is not loopback and no token is set, or is unknown
     * @throws IOException     when the port cannot be bound
     */
    public static IngestHttpServer start(IngestConfig config, Ingestor ingestor) throws IOException {
        return start(config, ingestor, System::nanoTime);
    }

    static IngestHttpServer start(IngestConfig config, Ingestor ingestor, LongSupplier nanoTime) throws IOException {
        InetAddress address = checkExposure(config.httpBind(), config.httpToken());
        HttpServer server = HttpServer.create(new InetSocketAddress(address, config.httpPort()), 0);
        IngestHttpServer s = new IngestHttpServer(server, config, ingestor, nanoTime);
        server.start();
        LOG.debug("ingest HTTP endpoint listening on {} (token {})", s.uri(), s.tokenDigest == null ? "not required" : "required");
        return s;
    }

    /**
     * Resolves the bind address and refuses one reachable from other machines when no token is set.
     *
     * @throws ConfigException naming the setting to change
     */
    public static InetAddress checkExposure(String bind, Optional<String> token) {
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new ConfigException("setting 'ingest.http.bind' is not a usable address: '" + bind + "'");
        }
        if (!address.isLoopbackAddress() && token.isEmpty()) {
            throw new ConfigException("refusing to serve HTTP on " + bind + " without a token: anyone who can reach it could "
                    + "publish articles. Set ingest.http.token (environment NEWSSTREAM_INGEST_HTTP_TOKEN) to a secret that "
                    + "clients send as 'Authorization: Bearer <token>', or bind to 127.0.0.1 (ingest.http.bind).");
        }
        return address;
    }

    /** The address actually bound (with the real port when 0 was asked for). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** The base address, e.g. {@code http://127.0.0.1:8080}. */
    public URI uri() {
        InetSocketAddress a = address();
        String host = a.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort());
    }

    /** Stops accepting, lets running requests finish for a moment, then stops the workers. */
    @Override
    public void close() {
        close(STOP_GRACE_SECONDS);
    }

    /** Stops, giving running requests up to {@code graceSeconds} (idle keep-alive connections hold it that long). */
    void close(int graceSeconds) {
        server.stop(graceSeconds);
        pool.shutdown();
        try {
            if (!pool.awaitTermination(PUBLISH_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange ex) {
        long start = System.nanoTime();
        int status = 500;
        try {
            status = route(ex);
        } catch (IOException e) {
            LOG.debug("request from {} failed: {}", ex.getRemoteAddress(), e.toString());
        } catch (RuntimeException e) {
            LOG.error("request to {} failed", ex.getRequestURI().getPath(), e);
            status = respondQuietly(ex, 500, error("internal error; see the ingest log"));
        } finally {
            ex.close();
            LOG.debug("{} {} -> {} in {} ms", ex.getRequestMethod(), ex.getRequestURI().getPath(), status,
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    private int route(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod();
        if (path.equals(HEALTH_PATH)) {
            if (!method.equals("GET") && !method.equals("HEAD")) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                return respond(ex, 405, error("method " + method + " is not allowed on " + HEALTH_PATH + "; use GET"));
            }
            return respond(ex, 200, health());
        }
        if (!path.equals(ARTICLES_PATH)) {
            return respond(ex, 404, error("no such endpoint; POST articles to " + ARTICLES_PATH));
        }
        if (!bucket.tryAcquire()) {
            ex.getResponseHeaders().set("Retry-After", "1");
            return respond(ex, 429, error("too many requests: over the limit of ingest.http.rate requests per second"));
        }
        if (tokenDigest != null && !authorised(ex.getRequestHeaders().getFirst("Authorization"))) {
            ex.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"newsstream\"");
            return respond(ex, 401, error("missing or wrong token: send 'Authorization: Bearer <ingest.http.token>'"));
        }
        if (!method.equals("POST")) {
            ex.getResponseHeaders().set("Allow", "POST");
            return respond(ex, 405, error("method " + method + " is not allowed on " + ARTICLES_PATH + "; use POST"));
        }
        String contentType = ex.getRequestHeaders().getFirst("Content-Type");
        MediaType type = MediaType.parse(contentType);
        if (type == null || !(type.is("application/json") || type.is("text/plain"))) {
            return respond(ex, 415, error("content type " + (contentType == null ? "missing" : "'" + clip(contentType) + "'")
                    + " is not accepted; send application/json (an article object or an array) or text/plain (the text)"));
        }
        Charset charset;
        try {
            charset = type.charset().map(Charset::forName).orElse(StandardCharsets.UTF_8);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return respond(ex, 415, error("charset '" + clip(type.charset().orElse("")) + "' is not supported; send UTF-8"));
        }
        if (type.is("application/json") && !charset.equals(StandardCharsets.UTF_8)) {
            return respond(ex, 415, error("JSON must be UTF-8, not " + charset.name()));
        }
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        if (length != null && parseLong(length) > maxBytes) {
            return tooLarge(ex, error("body is " + length + " bytes, over the limit of " + maxBytes + " (ingest.http.max.bytes)"));
        }
        byte[] body = ex.getRequestBody().readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            return tooLarge(ex, error("body is over the limit of " + maxBytes + " bytes (ingest.http.max.bytes)"));
        }
        ex.getRequestBody().close();
        ArticleReader.DecodedText decoded = ArticleReader.decode(body, charset);
        String origin = "http " + ex.getRemoteAddress().getAddress().getHostAddress();
        if (decoded.error() != null) {
            ingestor.reject(ReadResult.rejected(origin, decoded.error()));
            return respond(ex, 400, error(decoded.error()));
        }
        List<ReadResult> results = type.is("application/json")
                ? ingestor.reader().readJson(decoded.text(), origin)
                : List.of(ingestor.reader().readText(decoded.text(), textFields(ex), origin));
        for (int i = 0; i < results.size(); i++) {
            if (!results.get(i).isAccepted()) {
                results.stream().filter(x -> !x.isAccepted()).forEach(ingestor::reject);
                String where = results.size() > 1 ? "item " + (i + 1) + ": " : "";
                return respond(ex, 400, error(where + results.get(i).error()));
            }
        }
        return publish(ex, results, !type.is("application/json") || !looksLikeArray(decoded.text()));
    }

    private int publish(HttpExchange ex, List<ReadResult> results, boolean single) throws IOException {
        List<CompletableFuture<ArticleSink.Outcome>> futures = new ArrayList<>();
        results.forEach(r -> futures.add(ingestor.publish(r)));
        ArrayNode items = JsonNodeFactory.instance.arrayNode();
        long deadline = System.nanoTime() + PUBLISH_TIMEOUT.toNanos();
        for (int i = 0; i < results.size(); i++) {
            ArticleSink.Outcome outcome;
            try {
                outcome = futures.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                return respond(ex, 503, error("cannot publish the article now: " + e.getCause().getMessage()));
            } catch (TimeoutException e) {
                return respond(ex, 503, error("cannot publish the article now: the broker did not answer within "
                        + PUBLISH_TIMEOUT.toSeconds() + " s"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return respond(ex, 503, error("shutting down"));
            }
            ObjectNode item = items.addObject();
            item.put("id", results.get(i).article().id());
            item.put("status", outcome == ArticleSink.Outcome.PUBLISHED ? "accepted" : "duplicate");
        }
        if (single) {
            return respond(ex, 202, (ObjectNode) items.get(0));
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("articles", items);
        return respond(ex, 202, body);
    }

    /**
     * Reads and discards what the client is sending (up to {@link #LINGER_FACTOR} times the limit),
     * then answers 413. Answering while the client is still sending makes the server close a connection
     * with unread data, which TCP turns into a reset: the client would see "connection reset", not the
     * reason. The body must be drained first: closing the answer closes the request stream too.
     */
    private int tooLarge(HttpExchange ex, ObjectNode body) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            long left = (long) maxBytes * LINGER_FACTOR;
            byte[] buffer = new byte[64 * 1024];
            int n;
            while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
                left -= n;
            }
        }
        return respond(ex, 413, body);
    }

    private ObjectNode health() {
        var t = ingestor.totals();
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("status", "ok");
        n.put("published", t.published());
        n.put("duplicates", t.duplicates());
        n.put("rejected", t.rejected());
        n.put("failed", t.failed());
        return n;
    }

    /** Metadata of a text/plain article: query parameters first, then X-Article-* headers. */
    private static Map<String, String> textFields(HttpExchange ex) {
        Map<String, String> fields = new HashMap<>();
        for (String name : List.of("id", "title", "source", "url", "publishedAt", "language")) {
            String header = ex.getRequestHeaders().getFirst(TEXT_PREFIX + headerName(name));
            if (header != null) {
                fields.put(name, header);
            }
        }
        String query = ex.getRequestURI().getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                fields.put(key, value);
            }
        }
        return fields;
    }

    /** publishedAt → Published-At: the header spelling of a field. */
    private static String headerName(String field) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (i == 0) {
                sb.append(Character.toUpperCase(c));
            } else if (Character.isUpperCase(c)) {
                sb.append('-').append(c);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private boolean authorised(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        // digests have one length whatever the token's, so the comparison leaks neither content nor length
        return MessageDigest.isEqual(sha256(header.substring(7).trim()), tokenDigest);
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    private static boolean looksLikeArray(String json) {
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (!Character.isWhitespace(c) && c != '\uFEFF') {
                return c == '[';
            }
        }
        return false;
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String clip(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "\u2026" : s;
    }

    private static ObjectNode error(String reason) {
        return JsonNodeFactory.instance.objectNode().put("error", reason);
    }

    private static int respond(HttpExchange ex, int status, ObjectNode body) throws IOException {
        byte[] bytes = Json.mapper().writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
        return status;
    }

    private static int respondQuietly(HttpExchange ex, int status, ObjectNode body) {
        try {
            return respond(ex, status, body);
        } catch (IOException | RuntimeException e) {
            return status;
        }
    }

    /** The type and charset of a Content-Type header. */
    private record MediaType(String type, Optional<String> charset) {

        static MediaType parse(String header) {
            if (header == null || header.isBlank()) {
                return null;
            }
            String[] parts = header.split(";");
            String type = parts[0].trim().toLowerCase(Locale.ROOT);
            Optional<String> charset = Optional.empty();
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].trim();
                if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                    charset = Optional.of(p.substring(8).replace("\"", "").trim());
                }
            }
            return new MediaType(type, charset);
        }

        boolean is(String t) {
            return type.equals(t);
        }
    }
}
