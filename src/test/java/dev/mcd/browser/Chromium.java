package dev.mcd.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The headless Chromium the browser tests drive, e.g. {@code Chromium.start()} then
 * {@code driver()}; under {@code CI=true} a missing browser fails the test, elsewhere it skips.
 * The flags are the ones that run in a container without a sandbox, GPU or network services.
 */
final class Chromium implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final Path userDataDir;

    private Chromium(ChromeDriver driver, Path userDataDir) {
        this.driver = driver;
        this.userDataDir = userDataDir;
    }

    /** Fails under CI, skips elsewhere, when Chromium or ChromeDriver is missing. */
    static void requireInstalled() {
        boolean installed = Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            assertTrue(installed, "CI needs " + BINARY + " and " + DRIVER);
        }
        Assumptions.assumeTrue(installed, "chromium/chromedriver not installed");
    }

    static Chromium start() throws IOException {
        requireInstalled();
        // Set before any driver exists so Selenium Manager never looks for (or downloads) a driver.
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        Path userDataDir = Files.createTempDirectory("mcd-chromium");
        var options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + userDataDir, "--window-size=1400,1000");
        var logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        var service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
        var driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        return new Chromium(driver, userDataDir);
    }

    ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (Stream<Path> all = Files.walk(userDataDir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
