package com.zephycloud.ledger.infra.operations;

import com.zephycloud.ledger.infra.support.ApiClient;
import com.zephycloud.ledger.infra.support.ApiTest;
import com.zephycloud.ledger.infra.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** One line per request, with its route, status, duration and request id, and never a secret. */
@ExtendWith(OutputCaptureExtension.class)
class AccessLogTest extends ApiTest {

    private static final String PASSWORD = "Pw-never-in-logs-7731";

    @Test
    void eachRequestIsOneLineWithRouteStatusDurationAndRequestId(CapturedOutput output) throws Exception {
        String login = unique("logged");
        long userId = newUser(login, "1");
        admin().postRaw("/admin/user/credit/add/", "application/json", "{\"user_id\":" + userId
                + ",\"nbr_coins\":2,\"reason\":\"logged\",\"request_id\":\"req-json-42\"}").ok();
        admin().get("/admin/users/", Map.of());
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/admin/users/?pwd=" + PASSWORD)).header("X-Request-Id", "req-header-7")
                .header("Authorization", basic()).GET().build(), HttpResponse.BodyHandlers.ofString());
        ApiClient.anonymous(port).get("/admin/users/", Map.of());
        // a line is written once its response is complete, which the client may see first
        awaitLine(output, "zephy\\.access +: GET /admin/users/? 401 ");

        assertThat(output.getAll()).containsPattern("zephy\\.access +: POST /admin/user/credit/add 200 \\d+\\.\\d{3} ms"
                        + " request_id=req-json-42")
                .containsPattern("zephy\\.access +: GET /admin/users 200 \\d+\\.\\d{3} ms\\R")
                .containsPattern("zephy\\.access +: GET /admin/users 400 \\d+\\.\\d{3} ms request_id=req-header-7")
                .containsPattern("zephy\\.access +: GET /admin/users/? 401 ");
    }

    @Test
    void noPasswordNorAuthorizationHeaderIsEverLogged(CapturedOutput output) {
        String login = unique("secret");
        admin().post("/admin/user/new/", ApiClient.params("login", login, "email", login + "@example.com",
                "pwd", PASSWORD, "rank", "gold")).ok();
        admin().get("/admin/user/new/", Map.of("pwd", PASSWORD, "login", "x"));
        admin().post("/admin/user/new/", ApiClient.params("pwd", PASSWORD, "zz_unknown", "1"));
        new ApiClient(port, "admin", PASSWORD).get("/admin/users/", Map.of());

        assertThat(output.getAll()).contains("zephy.access").doesNotContain(PASSWORD)
                .doesNotContain(TestDatabase.ADMIN_PASSWORD).doesNotContain(basic().substring(6))
                .doesNotContain(Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .doesNotContainIgnoringCase("Authorization: Basic");
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + TestDatabase.ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static void awaitLine(CapturedOutput output, String regex) throws InterruptedException {
        Pattern line = Pattern.compile(regex);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!line.matcher(output.getAll()).find() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }
}
