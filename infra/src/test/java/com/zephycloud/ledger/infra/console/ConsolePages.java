package com.zephycloud.ledger.infra.console;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/** What the browser test does on the console's pages, as a person would: type, click, read. */
final class ConsolePages {

    private final WebDriver driver;
    private final String base;
    private final WebDriverWait wait;

    ConsolePages(WebDriver driver, int port) {
        this.driver = driver;
        this.base = "http://localhost:" + port;
        // generous: a condition met returns at once, and a shared test database may hold many users
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    void open(String path) {
        driver.get(base + path);
    }

    void signIn(String user, String password) {
        wait.until(ExpectedConditions.urlContains("/console/login.html"));
        WebElement userField = wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("user")));
        userField.clear();
        userField.sendKeys(user);
        driver.findElement(By.name("password")).sendKeys(password);
        driver.findElement(By.id("sign-in")).click();
    }

    void waitForPage(String page) {
        wait.until(ExpectedConditions.urlContains("/console/" + page));
    }

    /** Types into the field named {@code name}, replacing what it held. */
    void type(String name, String text) {
        WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(By.name(name)));
        field.clear();
        field.sendKeys(text);
    }

    void click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    String textOf(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by)).getText();
    }

    void waitForText(By by, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    /** The messages the page shows as errors, once it shows some. */
    List<String> errors() {
        By messages = By.cssSelector(".errors p");
        wait.until(ExpectedConditions.visibilityOfElementLocated(messages));
        return driver.findElements(messages).stream().map(WebElement::getText).toList();
    }

    /**
     * The points of series {@code series} of the chart in element {@code chartId}, [epoch milliseconds,
     * value], as ECharts holds them once it has drawn {@code expected} of them (a chart is redrawn
     * when its window or its date changes).
     */
    List<List<Object>> chartPoints(String chartId, String series, int expected) {
        String script = "const el = document.getElementById(arguments[0]);"
                + "const chart = el && window.echarts && echarts.getInstanceByDom(el);"
                + "const s = chart && chart.getOption().series.find(s => s.name === arguments[1]);"
                + "return s ? s.data.map(p => [p.value[0], String(p.value[1])]) : null;";
        wait.until(d -> ((JavascriptExecutor) d).executeScript(script, chartId, series) instanceof List<?> list
                && list.size() == expected);
        @SuppressWarnings("unchecked")
        List<List<Object>> points = (List<List<Object>>) ((JavascriptExecutor) driver).executeScript(script, chartId, series);
        return points;
    }

    List<List<Object>> balancePoints(int expected) {
        return chartPoints("balance-chart", "balance", expected);
    }

    static BigDecimal valueOf(List<Object> point) {
        return new BigDecimal(String.valueOf(point.get(1)));
    }

    /** The total a report's footer shows in the column {@code key}, once it shows one. */
    BigDecimal reportTotal(String key) {
        By cell = By.cssSelector("#totals td[data-column='" + key + "']");
        wait.until(d -> !d.findElements(cell).isEmpty() && !d.findElement(cell).getText().isBlank());
        return new BigDecimal(driver.findElement(cell).getText());
    }
}
