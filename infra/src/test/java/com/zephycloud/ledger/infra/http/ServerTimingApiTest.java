package com.zephycloud.ledger.infra.http;

import com.zephycloud.ledger.infra.support.ApiClient;
import com.zephycloud.ledger.infra.support.ApiResult;
import com.zephycloud.ledger.infra.support.ApiTest;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.zephycloud.ledger.infra.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

class ServerTimingApiTest extends ApiTest {

    private static final Pattern APP_DURATION = Pattern.compile("app;dur=(\\d+\\.\\d{3})");

    @Test
    void anAnswerCarriesTheServerTimeWithinTheRoundTrip() {
        long start = System.nanoTime();
        ApiResult result = admin().get("/admin/users/", params("limit", 1));
        double roundTripMillis = (System.nanoTime() - start) / 1e6;

        result.ok();
        assertThat(serverMillis(result)).isBetween(0.0, roundTripMillis);
    }

    @Test
    void refusalsCarryTheServerTimeToo() {
        assertThat(serverMillis(ApiClient.anonymous(port).get("/admin/users/", params()))).isNotNegative();
        assertThat(serverMillis(admin().get("/admin/nothing/here/", params()))).isNotNegative();
        assertThat(serverMillis(admin().get("/admin/users/", params("colour", "blue")))).isNotNegative();
    }

    @Test
    void serviceEndpointsCarryTheServerTime() {
        ApiResult result = service().get("/service/events/list/", params("limit", 1));
        result.ok();
        assertThat(serverMillis(result)).isNotNegative();
    }

    private static double serverMillis(ApiResult result) {
        String header = result.header("Server-Timing");
        assertThat(header).as("Server-Timing header").isNotNull();
        Matcher matcher = APP_DURATION.matcher(header);
        assertThat(matcher.matches()).as("Server-Timing '%s'", header).isTrue();
        return Double.parseDouble(matcher.group(1));
    }
}
