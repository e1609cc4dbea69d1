package io.newsstream.app.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newsstream.common.config.NewsstreamConfig;
import io.newsstream.common.metrics.MetricsServer;
import io.newsstream.common.metrics.StageMetrics;
import io.newsstream.ingest.http.IngestHttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code newsstream dashboard}'s web server: one page ({@code /}, served from the jar) that updates
 * live through Server-Sent Events ({@code /api/events}), and a JSON API: {@code /api/stories},
 * {@code /api/stories/{id}}, {@code /api/entities}, {@code /api/entities/{id}},
 * {@code /api/entities/{id}/stories}, {@code /api/deadletter} ({@code ?limit=N} on the lists); and,
 * when {@code dashboard.metrics.port} is set, Prometheus {@code /metrics} on that port. Binds
 * {@code dashboard.bind} (127.0.0.1 by default); beyond loopback it needs {@code dashboard.token}
 * (the ingest endpoint's rule), sent as {@code Authorization: Bearer} or, for the page and its event
 * stream, {@code ?token=}.
 */
public final class DashboardServer implements AutoCloseable {

    private static final String STORIES = "/api/stories/";
    private static final String ENTITIES = "/api/entities/";
    /** Trending entities the API returns without {@code ?limit=}. */
    private static final int DEFAULT_ENTITIES = 100;

    private final DashboardState state = new DashboardState();
    private final StageMetrics metrics = new StageMetrics();
    private final DashboardReader reader;
    private final Optional<MetricsServer> metricsServer;
    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "dashboard-http");
        t.setDaemon(true);
        return t;
    });
    private final byte[] token;
    private volatile boolean open = true;

    private DashboardServer(NewsstreamConfig config, String bind, int port, Optional<String> token) throws IOException {
        InetAddress address;
        try {
            address = IngestHttpServer.checkExposure(bind, token); // the ingest endpoint's rule
        } catch (io.newsstream.common.config.ConfigException e) {
            if (token.isPresent()) {
                throw e; // an unknown address: the message says so
            }
            throw new io.newsstream.common.config.ConfigException("refusing to serve the dashboard on " + bind
                    + " without a token: anyone who can reach it could read it. Set dashboard.token (environment"
                    + " NEWSSTREAM_DASHBOARD_TOKEN) to a secret sent as 'Authorization: Bearer <token>' or ?token=,"
                    + " or bind to 127.0.0.1 (dashboard.bind)");
        }
        this.token = token.map(DashboardServer::sha256).orElse(null);
        this.reader = new DashboardReader(config, state, metrics);
        this.server = HttpServer.create(new InetSocketAddress(address, port), 0);
        server.createContext("/", this::handle);
        server.setExecutor(pool);
        this.metricsServer = MetricsServer.startIfConfigured(config.settings(), "dashboard", metrics);
        metricsServer.ifPresent(m -> m.register(reader::metrics));
    }

    /** Starts reading the topics and serving; {@code port} 0 picks a free port. */
    public static DashboardServer start(NewsstreamConfig config, String bind, int port, Optional<String> token) throws IOException {
        DashboardServer s = new DashboardServer(config, bind, port, token);
        s.reader.start();
        s.server.start();
        return s;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The port of its {@code /metrics} when {@code dashboard.metrics.port} is set. */
    public Optional<Integer> metricsPort() {
        return metricsServer.map(MetricsServer::port);
    }

    public String url() {
        return "http://" + server.getAddress().getHostString() + ":" + port() + "/";
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            if (!"GET".equals(ex.getRequestMethod())) {
                send(ex, 405, "text/plain", "GET only\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (!authorized(ex)) {
                send(ex, 401, "text/plain", "a bearer token is required\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            Map<String, String> query = query(ex);
            switch (path) {
                case "/", "/index.html" -> resource(ex, "dashboard/index.html", "text/html; charset=utf-8");
                case "/dashboard.js" -> resource(ex, "dashboard/dashboard.js", "text/javascript; charset=utf-8");
                case "/api/stories" -> {
                    ex.getResponseHeaders().set("X-Total-Count", Integer.toString(state.storyCount()));
                    json(ex, state.stories(limit(query, Integer.MAX_VALUE)));
                }
                case "/api/entities" -> json(ex, state.entities(limit(query, DEFAULT_ENTITIES)));
                case "/api/deadletter" -> json(ex, state.deadLetters());
                case "/api/events" -> events(ex);
                default -> {
                    JsonNode found = null;
                    if (path.startsWith(STORIES)) {
                        found = state.story(path.substring(STORIES.length()));
                    } else if (path.startsWith(ENTITIES) && path.endsWith("/stories")) {
                        String id = path.substring(ENTITIES.length(), path.length() - "/stories".length());
                        found = state.entity(id) == null ? null : state.entityStories(id);
                    } else if (path.startsWith(ENTITIES)) {
                        found = state.entity(path.substring(ENTITIES.length()));
                    }
                    if (found != null) {
                        json(ex, found);
                        return;
                    }
                    send(ex, 404, "text/plain", "not found\n".getBytes(StandardCharsets.UTF_8));
                }
            }
        }
    }

    /** {@code ?limit=N}: at most N rows (a positive number), else {@code otherwise}. */
    private static int limit(Map<String, String> query, int otherwise) {
        try {
            int n = Integer.parseInt(query.getOrDefault("limit", ""));
            return n > 0 ? n : otherwise;
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static Map<String, String> query(HttpExchange ex) {
        Map<String, String> out = new java.util.HashMap<>();
        String raw = ex.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String part : raw.split("&")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    out.put(java.net.URLDecoder.decode(part.substring(0, eq), StandardCharsets.UTF_8),
                            java.net.URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    private boolean authorized(HttpExchange ex) {
        if (token == null) {
            return true;
        }
        String header = ex.getRequestHeaders().getFirst("Authorization");
        String given = header != null && header.startsWith("Bearer ") ? header.substring(7).trim() : null;
        if (given == null) {
            given = query(ex).get("token");
        }
        return given != null && MessageDigest.isEqual(sha256(given), token);
    }

    /** Server-Sent Events: an {@code update} event whenever the state changed, a comment every 15 s otherwise. */
    private void events(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream");
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        long seen = -1;
        long idle = 0;
        try {
            while (open) {
                long v = state.version();
                if (v != seen) {
                    seen = v;
                    idle = 0;
                    out.write(("event: update\ndata: " + v + "\n\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                } else if (++idle % 60 == 0) {
                    out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                Thread.sleep(250); // the page's refresh cadence, not a wait on Kafka
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the page went away
        }
    }

    private void json(HttpExchange ex, JsonNode node) throws IOException {
        send(ex, 200, "application/json", state.bytes(node));
    }

    private void resource(HttpExchange ex, String name, String type) throws IOException {
        try (InputStream in = DashboardServer.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                send(ex, 404, "text/plain", "not found\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            send(ex, 200, type, in.readAllBytes());
        }
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        open = false;
        server.stop(0);
        pool.shutdownNow();
        reader.close();
        metricsServer.ifPresent(MetricsServer::close);
    }
}
