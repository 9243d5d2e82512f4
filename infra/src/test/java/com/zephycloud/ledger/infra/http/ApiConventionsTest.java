package com.zephycloud.ledger.infra.http;

import com.zephycloud.ledger.infra.support.ApiClient;
import com.zephycloud.ledger.infra.support.ApiTest;
import org.junit.jupiter.api.Test;

import static com.zephycloud.ledger.infra.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

class ApiConventionsTest extends ApiTest {

    @Test
    void withoutCredentialsEveryAdminPathIsA401InTheEnvelope() {
        var result = ApiClient.anonymous(port).get("/admin/users/", params());
        assertThat(result.refused(401).get(0)).startsWith("authentication required");
    }

    @Test
    void aWrongPasswordIsA401() {
        assertThat(new ApiClient(port, "admin", "wrong").get("/admin/users/", params()).refused(401)).hasSize(1);
    }

    @Test
    void serviceCredentialsAreRefusedOnAdminPaths() {
        service().get("/admin/users/", params()).refused(401);
    }

    @Test
    void pathsWorkWithAndWithoutTheTrailingSlash() {
        admin().get("/admin/users/", params()).ok();
        admin().get("/admin/users", params()).ok();
    }

    @Test
    void answersAreJsonWithTheirLengthWhateverTheClientAccepts() {
        var result = admin().get("/admin/users/", params("limit", 1), "text/html");
        result.ok();
        assertThat(result.header("Content-Type")).startsWith("application/json");
        assertThat(Long.parseLong(result.header("Content-Length"))).isPositive();
        assertThat(result.body().get("success").asInt()).isEqualTo(1);
        assertThat(result.body().has("total")).isTrue();
        assertThat(result.body().has("error_msgs")).isTrue();
        assertThat(admin().get("/admin/users/", params("colour", "blue"), "text/html").refused(400).get(0))
                .startsWith("colour: unknown parameter");
    }

    @Test
    void anUnknownEndpointIsA404() {
        assertThat(admin().get("/admin/nothing/here/", params()).refused(404).get(0)).startsWith("unknown endpoint");
    }

    @Test
    void everyAdminRouteTakesGetAsWellAsPost() {
        assertThat(admin().get("/admin/user/consume/", params()).refused(400))
                .contains("user_id: is required, expected a positive integer");
        admin().post("/admin/toolchains/list/", params()).ok();
    }

    @Test
    void aMethodAServiceRouteDoesNotAllowIsA405() {
        assertThat(service().get("/service/computations/submit/", params()).refused(405))
                .containsExactly("method GET is not allowed here, use POST");
    }

    @Test
    void malformedJsonIsA400() {
        assertThat(admin().postRaw("/admin/users/", "application/json", "{\"limit\": ").refused(400).get(0))
                .startsWith("the request body is not valid JSON");
        assertThat(admin().postRaw("/admin/users/", "application/json", "[1, 2]").refused(400))
                .containsExactly("the JSON body must be an object of parameters, like {\"user_id\": 7}");
    }

    @Test
    void unknownParametersAreNamed() {
        assertThat(admin().get("/admin/users/", params("colour", "blue")).refused(400)).containsExactly(
                "colour: unknown parameter; this endpoint takes: include_deleted, rank, filter, order, limit, offset");
    }

    @Test
    void wrongTypesAreNamed() {
        assertThat(admin().get("/admin/users/", params("limit", "ten", "offset", -1, "include_deleted", "perhaps"))
                .refused(400)).containsExactlyInAnyOrder(
                "limit: expected an integer, got 'ten'",
                "offset: expected an integer of at least 0, got -1",
                "include_deleted: expected true or false, got 'perhaps'");
    }

    @Test
    void aMissingRequiredParameterIsNamed() {
        assertThat(admin().post("/admin/user/remove/", params()).refused(400))
                .containsExactly("user_id: is required, expected a positive integer");
    }

    @Test
    void textThatCannotBeStoredIsNamed() {
        assertThat(admin().post("/admin/user/login_available/", params("login", "ab\u0000c")).refused(400))
                .containsExactly("login: contains the NUL character (U+0000), which cannot be stored; remove it");
    }

    @Test
    void datesAfterTheYear9999AreRefused() {
        admin().get("/admin/providers/list/", params("date", 253_402_300_799L)).ok();
        assertThat(admin().get("/admin/providers/list/", params("date", 253_402_300_800L)).refused(400))
                .containsExactly("date: expected a UTC timestamp in seconds from 0 to 253402300799"
                        + " (9999-12-31T23:59:59Z), got 253402300800");
    }

    @Test
    void aRequestTooLargeForTheServerToReadGetsTheEnvelope() {
        assertThat(admin().get("/admin/users/", params("filter", "x".repeat(20_000))).refused(400).get(0))
                .startsWith("the server could not read this HTTP request");
        admin().get("/admin/users/", params()).ok();
    }

    @Test
    void aBodyOfAnotherTypeIsA415NotIgnored() {
        assertThat(admin().postRaw("/admin/user/remove/", "text/plain", "user_id=1").refused(415)).containsExactly(
                "content type text/plain is not supported; send JSON (application/json), a form"
                        + " (application/x-www-form-urlencoded) or query parameters");
    }

    @Test
    void anUnreadableMultipartBodyIsA400() {
        assertThat(admin().postRaw("/admin/user/login_available/", "multipart/form-data", "x").refused(400).get(0))
                .startsWith("the multipart body cannot be read");
    }

    @Test
    void theContainersErrorPathSpeaksTheEnvelopeToo() {
        assertThat(admin().get("/error", params()).refused(404).get(0)).startsWith("unknown endpoint /error");
    }

    @Test
    void anOrderIsParsedNeverPasted() {
        assertThat(admin().get("/admin/users/", params("order", "login; DROP TABLE users")).refused(400).get(0))
                .startsWith("order: ");
        admin().get("/admin/users/", params()).ok();
    }

    @Test
    void paginatedListsCarryTotalAndOthersDoNot() {
        var list = admin().get("/admin/users/", params("limit", 0));
        assertThat(list.ok()).isEmpty();
        assertThat(list.body().has("total")).isTrue();
        var single = admin().post("/admin/user/login_available/", params("login", "nobody"));
        single.ok();
        assertThat(single.body().has("total")).isFalse();
    }
}
