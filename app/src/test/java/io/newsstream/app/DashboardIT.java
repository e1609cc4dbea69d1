package io.newsstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsstream.app.dashboard.DashboardServer;
import io.newsstream.common.config.NewsstreamConfig;
import io.newsstream.common.serde.Json;
import io.newsstream.enrich.EnrichService;
import io.newsstream.enrich.EnricherFactory;
import io.newsstream.ingest.publish.ArticlePublisher;
import io.newsstream.ingest.publish.SeenIds;
import io.newsstream.ingest.read.ArticleReader;
import io.newsstream.ingest.read.ReadResult;
import io.newsstream.sink.SinkService;
import io.newsstream.testkit.KafkaBrokerExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's JSON API on a real broker: after the seeds go through enrich and sink, one story of 5 articles. */
class DashboardIT {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.create();

    private static final Duration DEADLINE = Duration.ofMinutes(3);

    @TempDir
    static Path state;

    @Test
    void shouldServeTheSeedsStoryWithFiveArticlesAndNoCopies() throws Exception {
        NewsstreamConfig config = NewsstreamConfig.defaults().withBootstrapServers(KAFKA.bootstrapServers()).with(Map.of(
                "enrich.threads", "1",
                "enrich.state.dir", state.resolve("enrich").toString(),
                "sink.state.dir", state.resolve("sink").toString()));
        KAFKA.createTopics(config.topics());
        try (EnrichService enrich = new EnrichService(config, EnricherFactory.create(config));
             SinkService sink = new SinkService(config);
             DashboardServer dashboard = DashboardServer.start(config, "127.0.0.1", 0, Optional.empty())) {
            enrich.start();
            sink.start();
            try (ArticlePublisher publisher = ArticlePublisher.create(config, new SeenIds())) {
                for (ReadResult r : ArticleReader.create(config).read(PipelineIT.SEEDS)) {
                    publisher.publish(r.article());
                }
                publisher.flush();
            }
            HttpClient http = HttpClient.newHttpClient();
            JsonNode stories = null;
            JsonNode entities = null;
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            // The stories and the trending entities are separate topics the sink writes on its own
            // commits: wait for both, so the test does not race the second one.
            while (System.nanoTime() < deadline) {
                stories = get(http, dashboard.url() + "api/stories");
                entities = get(http, dashboard.url() + "api/entities");
                if (stories.size() == 1 && stories.get(0).path("articles").asLong() == 5 && entities.size() > 0) {
                    break;
                }
                java.util.concurrent.locks.LockSupport.parkNanos(200_000_000L); // poll interval of the HTTP API, bounded by the deadline
            }
            assertThat(stories).hasSize(1);
            JsonNode story = stories.get(0);
            assertThat(story.path("articles").asLong()).isEqualTo(5);
            assertThat(story.path("copies").asLong()).isZero();

            JsonNode one = get(http, dashboard.url() + "api/stories/" + story.path("storyId").asText());
            assertThat(one.path("storyId").asText()).isEqualTo(story.path("storyId").asText());
            assertThat(entities.size()).as("trending entities").isPositive();
            assertThat(get(http, dashboard.url() + "api/deadletter").path("count").asLong()).isZero();
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(dashboard.url())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<script src=\"dashboard.js\">").doesNotContain("http://", "https://");
        }
    }

    private static JsonNode get(HttpClient http, String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(url).isEqualTo(200);
        return Json.mapper().readTree(r.body());
    }
}
