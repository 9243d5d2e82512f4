package com.zephycloud.ledger.infra.console;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Debian's Chromium and chromedriver (packages {@code chromium}, {@code chromium-driver}), headless,
 * with a fresh profile each time and nothing that reaches out to the network by itself. Selenium
 * is given both executables, so it never looks for (or downloads) a browser or a driver.
 */
final class HeadlessChromium {

    static final Path BROWSER = Path.of(System.getProperty("console.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("console.chromedriver", "/usr/bin/chromedriver"));

    private HeadlessChromium() {
    }

    /**
     * Skips the calling test when Chromium is not installed on a developer's machine; on CI
     * (variable {@code CI} set) its absence is a failure, since .ci/run installs it.
     */
    static void assumeInstalled() {
        boolean installed = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
        if (!installed && System.getenv("CI") != null) {
            throw new IllegalStateException("Chromium is missing on CI: " + BROWSER + " and " + DRIVER
                    + " (.ci/run installs the Debian packages chromium and chromium-driver)");
        }
        Assumptions.assumeTrue(installed, "Chromium is not installed (" + BROWSER + ", " + DRIVER
                + "): skipping the console's browser test; apt-get install -y chromium chromium-driver");
    }

    static ChromeDriver start(Path profile) throws IOException {
        Files.createDirectories(profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000", "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        return driver;
    }
}
