package com.zephycloud.ledger.infra.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.zephycloud.ledger.infra.support.ApiTest;
import com.zephycloud.ledger.infra.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import static com.zephycloud.ledger.infra.support.ApiClient.params;
import static com.zephycloud.ledger.infra.support.ApiResult.decimal;
import static com.zephycloud.ledger.infra.console.ConsolePages.balanceOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real browser (headless Chromium) against the running application: every
 * figure checked here is read off the page and compared with what the admin API answers.
 */
class ConsoleBrowserTest extends ApiTest {

    // One browser for the class (its start is most of a test's time); each test signs in anew.
    private static ChromeDriver driver;
    private ConsolePages pages;

    @BeforeAll
    static void startBrowser(@TempDir Path profile) throws Exception {
        HeadlessChromium.assumeInstalled();
        driver = HeadlessChromium.start(profile);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @BeforeEach
    void signedOut() {
        pages = new ConsolePages(driver, port);
        pages.open("/console/login.html");
        driver.executeScript("sessionStorage.clear()");
    }

    @Test
    void aUsersBalanceChartEndsAtTheCreditTheApiAnswersAndFollowsTheChosenWindow() throws Exception {
        String login = unique("chart");
        long userId = newUser(login, "100");
        consume(userId, "12.5");
        long windowStart = nextSecond();
        consume(userId, "20.25");
        admin().post("/admin/user/credit/add/", params("user_id", userId, "nbr_coins", "7.125", "reason", "top-up")).ok();

        signIn("/console/");
        pages.waitForPage("users.html");
        pages.type("term", login);
        pages.click(By.id("search"));
        pages.click(By.linkText(login));
        pages.waitForPage("user.html?id=" + userId);

        BigDecimal credit = decimal(admin().post("/admin/user/show/", params("user_id", userId)).ok().get("credit"));
        long transactions = admin().post("/admin/user/balance_history/", params("user_id", userId)).total();
        // every transaction, then the balance at the window's end (now)
        List<List<Object>> all = pages.balancePoints((int) transactions + 1);
        assertThat(balanceOf(all.get(all.size() - 1))).isEqualByComparingTo(credit);
        assertThat(pages.textOf(By.id("credit"))).isEqualTo(credit.stripTrailingZeros().toPlainString());

        pages.type("from", String.valueOf(windowStart));
        pages.click(By.id("apply-window"));
        long inWindow = admin().post("/admin/user/balance_history/", params("user_id", userId, "from", windowStart)).total();
        BigDecimal atStart = decimal(admin().post("/admin/user/balance/",
                params("user_id", userId, "date", windowStart)).ok().get("balance"));
        // the balance at the window's start, the transactions after it, the balance at its end
        List<List<Object>> window = pages.balancePoints((int) inWindow + 2);
        assertThat(inWindow).isLessThan(transactions);
        assertThat(balanceOf(window.get(0))).isEqualByComparingTo(atStart);
        assertThat(((Number) window.get(0).get(0)).longValue()).isEqualTo(windowStart * 1000);
        assertThat(balanceOf(window.get(window.size() - 1))).isEqualByComparingTo(credit);
    }

    @Test
    void aReportAsOfADateTotalsWhatTheApiReportsForThatDate() throws Exception {
        long userId = newUser(unique("report"), "40");
        long asOf = nextSecond();
        consume(userId, "3.5");

        signIn("/console/reports.html");
        pages.waitForPage("reports.html");
        pages.type("from", "0");
        pages.type("to", String.valueOf(asOf));
        pages.click(By.id("run-report"));
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(20))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("report-window"), asOf + "]"));

        BigDecimal expected = BigDecimal.ZERO;
        for (JsonNode report : allUsersReport(asOf)) {
            expected = expected.add(decimal(report.get("current_balance")));
        }
        assertThat(pages.reportTotal("current_balance")).isEqualByComparingTo(expected);
    }

    @Test
    void theAuditPageShowsTheReplayNextToTheReadModel() {
        long userId = newUser(unique("audit"), "25");
        consume(userId, "0.00000001");

        signIn("/console/audit.html?user_id=" + userId);
        pages.waitForPage("audit.html");
        JsonNode replay = admin().post("/admin/audit/replay_balance/", params("user_id", userId)).ok();
        assertThat(pages.textOf(By.id("replay-result"))).isEqualTo(replay.get("result").asText());
        String comparison = pages.textOf(By.id("comparison"));
        assertThat(comparison).contains("balance " + decimal(replay.get("balance")).toPlainString()
                + " " + decimal(replay.get("balance")).toPlainString());
        assertThat(driver.findElements(By.cssSelector("#comparison .differs"))).isEmpty();
    }

    @Test
    void badInputShowsTheApisOwnMessage() throws Exception {
        signIn("/console/user.html?id=987654321");
        pages.waitForPage("user.html");
        List<String> unknownUser = admin().post("/admin/user/show/", params("user_id", 987654321)).refused(404);
        assertThat(pages.errors()).isEqualTo(unknownUser);

        pages.open("/console/reports.html");
        pages.type("to", "2026-13-45");
        pages.click(By.id("run-report"));
        List<String> malformedDate = admin().post("/admin/reports/users/", params("to", "2026-13-45")).refused(400);
        assertThat(pages.errors()).isEqualTo(malformedDate);
    }

    private void signIn(String page) {
        pages.open(page);
        pages.signIn("admin", TestDatabase.ADMIN_PASSWORD);
    }

    private void consume(long userId, String amount) {
        admin().post("/admin/user/consume/", params("user_id", userId, "amount", amount, "description", "run")).ok();
    }

    /** Waits for the next whole second and answers it: transactions before and after it differ in date. */
    private static long nextSecond() throws InterruptedException {
        long next = System.currentTimeMillis() / 1000 + 1;
        Thread.sleep(next * 1000 - System.currentTimeMillis() + 5);
        return next;
    }

    private List<JsonNode> allUsersReport(long to) {
        List<JsonNode> reports = new java.util.ArrayList<>();
        long total;
        do {
            var page = admin().post("/admin/reports/users/", params("from", 0, "to", to, "limit", 500, "offset", reports.size()));
            page.ok().forEach(reports::add);
            total = page.total();
        } while (reports.size() < total);
        return reports;
    }
}
