package io.trainingpipeline.e2e.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and ChromeDriver driven by Selenium, headless, with every background network
 * feature off (this machine reaches only loopback). Paths come from {@code CHROMIUM_BIN} and {@code
 * CHROMEDRIVER_BIN} (defaults /usr/bin/chromium, /usr/bin/chromedriver) so Selenium Manager never
 * tries to download a browser.
 */
public final class HeadlessChromium {
    private HeadlessChromium() {}

    /** True when both binaries are installed (.ci/run installs them). */
    public static boolean available() {
        return Files.isExecutable(binary()) && Files.isExecutable(driver());
    }

    /** A new headless browser with a phone-sized or desktop window. */
    public static ChromeDriver start(int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary().toString());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=" + width + "," + height);
        ChromeDriverService service =
                new ChromeDriverService.Builder().usingDriverExecutable(driver().toFile()).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    private static Path binary() {
        return Path.of(System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium"));
    }

    private static Path driver() {
        return Path.of(System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"));
    }
}
