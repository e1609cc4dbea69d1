package io.newsstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstream.app.dashboard.DashboardServer;
import io.newsstream.common.config.NewsstreamConfig;
import io.newsstream.enrich.EnrichService;
import io.newsstream.enrich.EnricherFactory;
import io.newsstream.ingest.Ingestor;
import io.newsstream.ingest.Reporter;
import io.newsstream.ingest.http.IngestHttpServer;
import io.newsstream.ingest.publish.ArticlePublisher;
import io.newsstream.ingest.publish.SeenIds;
import io.newsstream.ingest.read.ArticleReader;
import io.newsstream.ingest.read.ReadResult;
import io.newsstream.sink.SinkService;
import io.newsstream.testkit.KafkaBrokerExtension;
import java.io.File;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard page in a real browser (Debian's headless chromium through /usr/bin/chromedriver)
 * against the demo's pipeline on a real broker: ingest (its HTTP endpoint), enrich, sink and the
 * dashboard, as {@code demo --follow} wires them. Skipped when chromium or chromedriver is missing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIT {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.create();

    private static final Duration DEADLINE = Duration.ofMinutes(3);
    private static final Path SHOTS = Path.of("target", "dashboard-browser");
    private static final String TRAM = "Tram line to the harbour opens";

    @TempDir
    static Path state;

    private static EnrichService enrich;
    private static SinkService sink;
    private static DashboardServer dashboard;
    private static ArticlePublisher httpPublisher;
    private static IngestHttpServer ingest;
    private static ChromeDriver browser;
    private static WebDriverWait await;

    @BeforeAll
    static void start() throws Exception {
        Optional<String> missing = Chromium.missing();
        Assumptions.assumeTrue(missing.isEmpty(), () -> missing.get());
        NewsstreamConfig config = NewsstreamConfig.defaults().withBootstrapServers(KAFKA.bootstrapServers()).with(Map.of(
                "enrich.threads", "1",
                "enrich.state.dir", state.resolve("enrich").toString(),
                "sink.state.dir", state.resolve("sink").toString(),
                "ingest.http.port", "0"));
        KAFKA.createTopics(config.topics());
        enrich = new EnrichService(config, EnricherFactory.create(config));
        sink = new SinkService(config);
        enrich.start();
        sink.start();
        dashboard = DashboardServer.start(config, "127.0.0.1", 0, Optional.empty());
        SeenIds seen = new SeenIds();
        try (ArticlePublisher publisher = ArticlePublisher.create(config, seen)) {
            for (ReadResult r : ArticleReader.create(config).read(PipelineIT.SEEDS)) {
                publisher.publish(r.article());
            }
            publisher.flush();
        }
        httpPublisher = ArticlePublisher.create(config, seen);
        ingest = IngestHttpServer.start(config.ingest(), new Ingestor(ArticleReader.create(config.ingest(), null, Clock.systemUTC()),
                httpPublisher, new Reporter(new PrintWriter(System.err, true), System::nanoTime, true)));
        browser = Chromium.start();
        browser.manage().window().setSize(new Dimension(1400, 1000));
        // the page re-renders its tables on every update: an element found a moment ago may be gone
        await = (WebDriverWait) new WebDriverWait(browser, DEADLINE, Duration.ofMillis(200)).ignoring(StaleElementReferenceException.class);
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        for (AutoCloseable c : new AutoCloseable[] {ingest, httpPublisher, dashboard, sink, enrich}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // closing the others matters more
            }
        }
    }

    @Test
    @Order(1)
    void shouldShowTheSeedsStoryWithFiveArticlesAndNoCopies() {
        browser.get(dashboard.url());
        await.withMessage("one story row: 5 articles, 0 copies, 5 dots on its timeline").until(b -> {
            List<WebElement> rows = b.findElements(By.cssSelector("#stories tbody tr.story"));
            return rows.size() == 1 && rows.get(0).findElement(By.cssSelector("td.articles")).getText().equals("5")
                    && rows.get(0).findElement(By.cssSelector("td.copies")).getText().equals("0")
                    && rows.get(0).findElements(By.cssSelector("svg.timeline circle.original")).size() == 5;
        });
        await.until(b -> {
            b.findElement(By.cssSelector("#stories tbody tr.story td.title")).click();
            return true;
        });
        await.withMessage("the story's 5 articles").until(b -> b.findElements(By.cssSelector("#articles tr.article")).size() == 5);
        assertThat(browser.findElements(By.cssSelector("#story table.outlet-tone tr.outlet"))).isNotEmpty();
        screenshot("seeds-story.png");
    }

    @Test
    @Order(2)
    void shouldShowAnArticlePostedToIngestWithoutAReload() throws Exception {
        browser.get(dashboard.url());
        await.until(b -> !b.findElements(By.cssSelector("#stories tbody tr.story")).isEmpty());
        ((JavascriptExecutor) browser).executeScript("window.newsstreamSamePage = 'yes';");

        String body = "{\"title\": \"" + TRAM + "\", \"source\": \"Harbour Gazette\", \"url\": \"https://gazette.example/tram\","
                + " \"publishedAt\": \"" + Instant.now() + "\", \"text\": \"The new tram line to the harbour opened on Saturday after"
                + " three years of works, the city's transport authority said. Mayor Ana Costa rode the first tram with residents"
                + " of the district.\"}";
        HttpResponse<String> posted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(ingest.uri().resolve(IngestHttpServer.ARTICLES_PATH))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).as(posted.body()).isBetween(200, 299);

        await.withMessage("the posted article's story on the page").until(b -> b.findElements(By.cssSelector("#stories tbody tr.story td.title"))
                .stream().anyMatch(t -> t.getText().equals(TRAM)));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.newsstreamSamePage;")).as("no reload").isEqualTo("yes");
        await.withMessage("two stories").until(b -> b.findElements(By.cssSelector("#stories tbody tr.story")).size() == 2);
    }

    @Test
    @Order(3)
    void shouldShowAnEntitysStoriesWhenItIsClicked() throws Exception {
        await.withMessage("Vladimir Putin among the trending entities, with a sparkline").until(b -> {
            WebElement putin = b.findElements(By.cssSelector("#entities tr.entity")).stream()
                    .filter(r -> r.getText().contains("Putin")).findFirst().orElse(null);
            if (putin == null || putin.findElements(By.cssSelector("svg.sparkline polyline")).size() != 1) {
                return false;
            }
            putin.findElement(By.cssSelector("a.entity-link")).click();
            return true;
        });
        await.withMessage("the entity's stories: the seeds' story alone").until(b -> {
            List<WebElement> r = b.findElements(By.cssSelector("#entity-stories tr.story"));
            return r.size() == 1 && r.get(0).findElement(By.cssSelector("td.articles")).getText().equals("5")
                    && b.findElement(By.cssSelector("#entity h2")).getText().contains("Putin");
        });

        await.until(b -> {
            b.findElements(By.cssSelector("#stories tbody tr.story")).stream()
                    .filter(r -> !r.getText().contains(TRAM)).findFirst().orElseThrow().click();
            return true;
        });
        await.until(b -> !b.findElements(By.cssSelector("#articles tr.article")).isEmpty());
        long height = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight;");
        browser.manage().window().setSize(new Dimension(1400, (int) Math.min(3000, height + 140)));
        Path shot = screenshot("dashboard.png");
        assertThat(Files.size(shot)).isPositive();
    }

    private static Path screenshot(String name) {
        File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        try {
            return Files.copy(png.toPath(), SHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
