package com.zephycloud.ledger.infra.console;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Takes the screenshots of docs/console/ from a running server (the demo, say):
 * {@code java -cp <test classpath> com.zephycloud.ledger.infra.console.ConsoleScreenshots
 * http://localhost:8080 PASSWORD docs/console USER_ID JOB_ID}. Not a test: run on demand.
 */
public final class ConsoleScreenshots {

    private ConsoleScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String password = args[1];
        Path out = Path.of(args[2]);
        String userId = args[3];
        String jobId = args[4];
        Files.createDirectories(out);
        ChromeDriver driver = HeadlessChromium.start(Files.createTempDirectory("console-screenshots"));
        try {
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1100));
            driver.get(base + "/console/login.html");
            driver.findElement(By.name("password")).sendKeys(password);
            driver.findElement(By.id("sign-in")).click();
            for (List<String> page : List.of(
                    List.of("users", "/console/users.html"),
                    List.of("user", "/console/user.html?id=" + userId),
                    List.of("reports", "/console/reports.html"),
                    List.of("catalog", "/console/catalog.html"),
                    List.of("computations", "/console/computations.html"),
                    List.of("job", "/console/job.html?id=" + jobId),
                    List.of("audit", "/console/audit.html?user_id=" + userId))) {
                driver.get(base + page.get(1));
                Thread.sleep(1500);
                if (page.get(0).equals("catalog")) {
                    new WebDriverWait(driver, Duration.ofSeconds(20))
                            .until(ExpectedConditions.elementToBeClickable(By.cssSelector("a.price-history"))).click();
                    Thread.sleep(800);
                }
                Files.write(out.resolve(page.get(0) + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            }
        } finally {
            driver.quit();
        }
    }
}
