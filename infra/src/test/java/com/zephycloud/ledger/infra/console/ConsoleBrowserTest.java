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

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.zephycloud.ledger.infra.support.ApiClient.params;
import static com.zephycloud.ledger.infra.support.ApiResult.decimal;
import static com.zephycloud.ledger.infra.console.ConsolePages.valueOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
        assertThat(valueOf(all.get(all.size() - 1))).isEqualByComparingTo(credit);
        assertThat(pages.textOf(By.id("credit"))).isEqualTo(credit.stripTrailingZeros().toPlainString());

        pages.type("from", String.valueOf(windowStart));
        pages.click(By.id("apply-window"));
        long inWindow = admin().post("/admin/user/balance_history/", params("user_id", userId, "from", windowStart)).total();
        BigDecimal atStart = decimal(admin().post("/admin/user/balance/",
                params("user_id", userId, "date", windowStart)).ok().get("balance"));
        // the balance at the window's start, the transactions after it, the balance at its end
        List<List<Object>> window = pages.balancePoints((int) inWindow + 2);
        assertThat(inWindow).isLessThan(transactions);
        assertThat(valueOf(window.get(0))).isEqualByComparingTo(atStart);
        assertThat(((Number) window.get(0).get(0)).longValue()).isEqualTo(windowStart * 1000);
        assertThat(valueOf(window.get(window.size() - 1))).isEqualByComparingTo(credit);
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
        pages.waitForText(By.id("report-window"), asOf + "]");

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
    void theCatalogAsOfADateShowsThePricesTheApiAnswersForThatDate() {
        String provider = unique("console").toLowerCase();
        admin().post("/admin/providers/create/", params("provider_name", provider, "location", "eu", "type", "aws",
                "provider_specific", Map.of("region", "eu-west-1"))).ok();
        admin().post("/admin/machines/create/", params("provider_name", provider, "machine_name", "m1", "cores", 4,
                "ram", 8589934592L, "availability", 10, "prices", Map.of("root", 0.2, "gold", 0.4, "silver", 0.8,
                        "bronze", 2), "price_sec_granularity", 60, "price_min_sec_granularity", 300,
                "cost_per_hour", 0.025, "cost_currency", "dollar", "cost_sec_granularity", 1,
                "cost_min_sec_granularity", 60, "auto_update", false)).ok();
        long repriced = System.currentTimeMillis() / 1000 + 3600;
        admin().post("/admin/machines/update/", params("provider_name", provider, "machine_name", "m1",
                "prices", Map.of("gold", 0.45), "effective_date", repriced)).ok();
        By goldPrice = By.cssSelector("tr[data-machine='" + provider + "/m1'] td[data-rank='gold']");

        signIn("/console/catalog.html");
        pages.waitForPage("catalog.html");
        assertThat(new BigDecimal(pages.textOf(goldPrice))).isEqualByComparingTo(goldAt(provider, null));
        long later = repriced + 60;
        pages.type("date", String.valueOf(later));
        pages.click(By.id("show-catalog"));
        pages.waitForText(By.id("catalog-date"), "as it was at");
        assertThat(new BigDecimal(pages.textOf(goldPrice))).isEqualByComparingTo(goldAt(provider, later));

        pages.click(By.cssSelector("tr[data-machine='" + provider + "/m1'] a.price-history"));
        JsonNode versions = admin().post("/admin/machines/price_history/",
                params("provider_name", provider, "machine_name", "m1")).ok();
        // each version at its start, and the open one again at its end (now, or its start if later)
        List<List<Object>> gold = pages.chartPoints("price-chart", "gold", versions.size() + 1);
        for (int i = 0; i < versions.size(); i++) {
            assertThat(valueOf(gold.get(i))).isEqualByComparingTo(decimal(versions.get(i).get("prices").get("gold")));
            assertThat(((Number) gold.get(i).get(0)).doubleValue())
                    .isEqualTo(versions.get(i).get("valid_from").asDouble() * 1000, within(1.0));
        }
    }

    private BigDecimal goldAt(String provider, Long date) {
        Map<String, Object> query = params("provider_name", provider, "machine_name", "m1");
        if (date != null) {
            query.put("date", date);
        }
        return decimal(admin().post("/admin/machines/show/", query).ok().get("prices").get("gold"));
    }

    @Test
    void aPausedAndResumedJobsTimelineShowsThePauseBetweenItsRunningBands() {
        String provider = unique("pause").toLowerCase();
        admin().post("/admin/providers/create/", params("provider_name", provider, "location", "eu", "type", "aws")).ok();
        admin().post("/admin/machines/create/", params("provider_name", provider, "machine_name", "m", "cores", 4,
                "ram", 1024, "availability", 1, "price_sec_granularity", 300, "price_min_sec_granularity", 600,
                "cost_per_hour", 0.1, "cost_currency", "dollar", "cost_sec_granularity", 1,
                "cost_min_sec_granularity", 60, "prices", Map.of("root", 1, "gold", 1, "silver", 1, "bronze", 1))).ok();
        String toolchain = unique("tc");
        admin().post("/admin/toolchains/create/", params("toolchain_name", toolchain, "fixed_price", 0.5,
                "machine_limit", 1, "machines", Map.of(provider, List.of("m")))).ok();
        String login = unique("pauser");
        long userId = newUser(login, "10");
        long jobId = service().post("/service/computations/submit/", params("user_id", userId, "project_uid",
                login + "-p", "toolchain_name", toolchain, "provider_name", provider, "machine_name", "m")).ok()
                .get("job_id").asLong();
        service().post("/service/computations/start/", params("job_id", jobId)).ok();
        service().post("/service/computations/pause/", params("job_id", jobId, "reason", "maintenance")).ok();
        service().post("/service/computations/resume/", params("job_id", jobId)).ok();

        signIn("/console/job.html?id=" + jobId);
        pages.waitForText(By.id("job-status"), "running");
        List<String> rows = driver.findElements(By.cssSelector("#statuses tbody tr")).stream()
                .map(row -> (row.findElements(By.tagName("td")).get(0).getText() + " / "
                        + row.findElements(By.tagName("td")).get(2).getText()).strip()).toList();
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0)).matches("running / resumed after \\d+ s paused");
        assertThat(rows.subList(1, 4)).containsExactly("paused / maintenance", "running /", "pending /");
        // the chart's bands, oldest first: the pause on a row of its own, grey, between the running ones
        String bands = "const chart = echarts.getInstanceByDom(document.getElementById('timeline'));"
                + "return chart ? chart.getOption().series[0].data.map(d => d.name + ':'"
                + " + (d.itemStyle ? d.itemStyle.color : '')) : null;";
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(30))
                .until(d -> driver.executeScript(bands) instanceof List<?> list && list.size() == 4);
        assertThat(driver.executeScript(bands))
                .isEqualTo(List.of("pending:", "running:", "paused:#9e9e9e", "running:"));
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
        List<JsonNode> reports = new ArrayList<>();
        long total;
        do {
            var page = admin().post("/admin/reports/users/", params("from", 0, "to", to, "limit", 500, "offset", reports.size()));
            page.ok().forEach(reports::add);
            total = page.total();
        } while (reports.size() < total);
        return reports;
    }
}
