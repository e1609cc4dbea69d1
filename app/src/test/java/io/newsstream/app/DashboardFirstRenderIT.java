package io.newsstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsstream.app.dashboard.DashboardServer;
import io.newsstream.common.config.NewsstreamConfig;
import io.newsstream.common.serde.Json;
import io.newsstream.common.topics.Topics;
import io.newsstream.testkit.KafkaBrokerExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A measurement, not a timed assertion: the dashboard's first render in headless Chromium with 1,000
 * stories (5,000 article rows) and 10,000 entity windows in the topics. Prints, and writes to
 * {@code target/dashboard-first-render.txt}, the time from navigation start to the story list drawn
 * (the page's {@code newsstream:stories-rendered} performance mark) and the API's size and time.
 */
class DashboardFirstRenderIT {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.create();

    private static final int STORIES = 1_000;
    /** The latest stories the page's list shows (dashboard.js STORY_ROWS). */
    private static final int PAGE_ROWS = 200;
    private static final int ENTITIES = 1_000;
    private static final int WINDOWS = 10;
    private static final Duration DEADLINE = Duration.ofMinutes(2);

    @Test
    void shouldRenderAThousandStoriesAndTenThousandEntityWindows() throws Exception {
        Assumptions.assumeTrue(Chromium.missing().isEmpty(), () -> Chromium.missing().get());
        NewsstreamConfig config = NewsstreamConfig.defaults().withBootstrapServers(KAFKA.bootstrapServers()).with(Map.of());
        KAFKA.createTopics(config.topics());
        fill(config);
        try (DashboardServer dashboard = DashboardServer.start(config, "127.0.0.1", 0, Optional.empty())) {
            HttpClient http = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            HttpResponse<byte[]> stories = null;
            while (System.nanoTime() < deadline) {
                stories = http.send(HttpRequest.newBuilder(URI.create(dashboard.url() + "api/stories")).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (stories.headers().firstValue("X-Total-Count").orElse("0").equals(Integer.toString(STORIES))
                        && entityLoaded(http, dashboard)) {
                    break;
                }
                java.util.concurrent.locks.LockSupport.parkNanos(200_000_000L); // poll interval of the API, bounded by the deadline
            }
            long t0 = System.nanoTime();
            stories = http.send(HttpRequest.newBuilder(URI.create(dashboard.url() + "api/stories")).build(), HttpResponse.BodyHandlers.ofByteArray());
            long storiesMs = (System.nanoTime() - t0) / 1_000_000;
            t0 = System.nanoTime();
            HttpResponse<byte[]> entities = http.send(HttpRequest.newBuilder(URI.create(dashboard.url() + "api/entities")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            long entitiesMs = (System.nanoTime() - t0) / 1_000_000;
            assertThat(Json.mapper().readTree(stories.body())).hasSize(STORIES);

            ChromeDriver browser = Chromium.start();
            try {
                browser.get(dashboard.url());
                new WebDriverWait(browser, DEADLINE).until(b -> b.findElements(By.cssSelector("html[data-stories-rendered]")).size() == 1);
                Number rendered = (Number) ((JavascriptExecutor) browser).executeScript(
                        "return performance.getEntriesByName('newsstream:stories-rendered')[0].startTime;");
                long rows = browser.findElements(By.cssSelector("#stories tbody tr.story")).size();
                assertThat(rows).isEqualTo(PAGE_ROWS);
                assertThat(browser.findElement(By.id("storycount")).getText()).isEqualTo(PAGE_ROWS + " of " + STORIES);
                String report = String.format(java.util.Locale.ROOT,
                        "first render: the latest %d of the stories drawn %.0f ms after navigation start; /api/stories %d bytes in %d ms;"
                                + " /api/entities (%d windows in the state) %d bytes in %d ms%n",
                        rows, rendered.doubleValue(), stories.body().length, storiesMs, ENTITIES * WINDOWS, entities.body().length, entitiesMs);
                System.out.print(report);
                Files.writeString(Path.of("target", "dashboard-first-render.txt"), report, StandardCharsets.UTF_8);
            } finally {
                browser.quit();
            }
        }
    }

    private static boolean entityLoaded(HttpClient http, DashboardServer dashboard) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(dashboard.url() + "api/entities/ent_" + (ENTITIES - 1))).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200 && Json.mapper().readTree(r.body()).path("windows").size() == WINDOWS;
    }

    private static void fill(NewsstreamConfig config) {
        ObjectMapper json = Json.mapper();
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = KAFKA.producer(new StringSerializer(), new ByteArraySerializer())) {
            for (int s = 0; s < STORIES; s++) {
                String story = "st_" + s;
                ObjectNode row = json.createObjectNode().put("schemaVersion", 1).put("storyId", story)
                        .put("title", "Story number " + s + " about a council vote on a new tram line").put("articles", 5).put("copies", 1)
                        .put("firstSeen", base.plusSeconds(60L * s).toString()).put("lastSeen", base.plusSeconds(60L * s + 3000).toString())
                        .put("meanTone", -0.2);
                row.putArray("outlets").add("Herald").add("Gazette").add("Courier");
                var top = row.putArray("topEntities");
                for (int k = 0; k < 5; k++) {
                    top.addObject().put("id", "ent_" + ((s + k) % ENTITIES)).put("name", "Entity " + ((s + k) % ENTITIES))
                            .put("type", "PERSON").put("articles", 3).put("mentions", 7);
                }
                row.putObject("tonePerOutlet").put("Herald", -0.4).put("Gazette", 0.1).put("Courier", -0.3);
                sent.add(producer.send(new ProducerRecord<>(config.topics().name(Topics.DASHBOARD_STORIES), story, bytes(json, row))));
                for (int a = 0; a < 5; a++) {
                    String id = "a_" + s + "_" + a;
                    ObjectNode article = json.createObjectNode().put("schemaVersion", 1).put("id", id).put("title", "Article " + id)
                            .put("outlet", a % 2 == 0 ? "Herald" : "Gazette").put("url", "https://news.example/" + id)
                            .put("publishedAt", base.plusSeconds(60L * s + 600L * a).toString()).put("language", "en")
                            .put("sentimentLabel", "NEGATIVE").put("sentimentScore", -0.2).put("storyId", story).put("entityCount", 5);
                    if (a == 4) {
                        article.put("duplicateOf", "a_" + s + "_0");
                    }
                    article.putArray("topEntityIds").add("ent_" + (s % ENTITIES));
                    sent.add(producer.send(new ProducerRecord<>(config.topics().name(Topics.DASHBOARD_ARTICLES), id, bytes(json, article))));
                }
            }
            for (int e = 0; e < ENTITIES; e++) {
                for (int w = 0; w < WINDOWS; w++) {
                    Instant start = base.plus(Duration.ofHours(w));
                    String id = "ent_" + e;
                    ObjectNode row = json.createObjectNode().put("schemaVersion", 1).put("entityId", id).put("name", "Entity " + e)
                            .put("type", "PERSON").put("windowStart", start.toString()).put("windowEnd", start.plus(Duration.ofHours(1)).toString())
                            .put("mentions", 1 + (e * 7 + w * 3) % 20).put("articles", 1 + w % 5).put("meanSentiment", -0.1);
                    row.putArray("outlets").add("Herald");
                    sent.add(producer.send(new ProducerRecord<>(config.topics().name(Topics.DASHBOARD_ENTITIES), id + "@" + start, bytes(json, row))));
                }
            }
            producer.flush();
        }
        // a record the broker refused fails here, with its reason, not later as a story missing from the page
        for (var f : sent) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("the broker did not take a record of the fill: " + e.getCause(), e.getCause());
            }
        }
    }

    private static byte[] bytes(ObjectMapper json, ObjectNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
