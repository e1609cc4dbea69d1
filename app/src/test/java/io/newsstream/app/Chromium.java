package io.newsstream.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless chromium driven through its chromedriver at fixed paths: Selenium Manager never
 * runs (it would download a browser, and there is no network for that).
 */
final class Chromium {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {
    }

    /** Why the browser tests cannot run here, or empty when they can. */
    static Optional<String> missing() {
        if (Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER)) {
            return Optional.empty();
        }
        return Optional.of("no " + (Files.isExecutable(BROWSER) ? DRIVER : BROWSER)
                + ": the browser test needs Debian's chromium and chromedriver (apt-get install chromium chromium-driver)");
    }

    static ChromeDriver start() {
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(BROWSER.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--hide-scrollbars");
        return new ChromeDriver(service, options);
    }
}
