package com.zephycloud.ledger.infra.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.zephycloud.ledger.infra.http.ApiErrorController;
import com.zephycloud.ledger.infra.http.ApiParams;
import com.zephycloud.ledger.infra.http.BasicAuthenticationFilter;
import com.zephycloud.ledger.infra.support.ApiClient;
import com.zephycloud.ledger.infra.support.ApiResult;
import com.zephycloud.ledger.infra.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document covers every endpoint of the application's request mappings, and each
 * operation's parameters are exactly those its endpoint takes, as the endpoint itself says when
 * given an unknown one ("this endpoint takes: a, b").
 */
class ApiDescriptionTest extends ApiTest {

    private static final Pattern TAKES = Pattern.compile("this endpoint takes: (.*)$");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    private JsonNode document() {
        ApiResult answer = ApiClient.anonymous(port).get("/v3/api-docs", Map.of());
        assertThat(answer.status()).isEqualTo(200);
        return answer.body();
    }

    @Test
    void everyEndpointIsDescribed() {
        JsonNode paths = document().path("paths");
        List<String> missing = new ArrayList<>();
        int endpoints = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            Class<?> type = mapping.getValue().getBeanType();
            if (!type.getName().startsWith("com.zephycloud.") || type == ApiErrorController.class) {
                continue; // the API description's own pages, and the servlet container's error forward
            }
            for (String path : mapping.getKey().getPatternValues()) {
                endpoints++;
                for (RequestMethod method : mapping.getKey().getMethodsCondition().getMethods()) {
                    if (!paths.path(path).has(method.name().toLowerCase())) {
                        missing.add(method + " " + path);
                    }
                }
            }
        }
        assertThat(endpoints).isGreaterThan(70);
        assertThat(missing).as("endpoints the API description lacks").isEmpty();
    }

    @Test
    void eachOperationListsExactlyTheParametersItsEndpointTakes() {
        JsonNode paths = document().path("paths");
        List<String> differences = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            if (Arrays.stream(mapping.getValue().getMethodParameters())
                    .noneMatch(parameter -> parameter.getParameterType() == ApiParams.class)) {
                continue;
            }
            Set<RequestMethod> methods = mapping.getKey().getMethodsCondition().getMethods();
            for (String path : mapping.getKey().getPatternValues()) {
                Set<String> takes = takes(path, !methods.contains(RequestMethod.GET));
                for (RequestMethod method : methods) {
                    Set<String> documented = new TreeSet<>();
                    paths.path(path).path(method.name().toLowerCase()).path("parameters").forEach(parameter -> {
                        if (parameter.path("in").asText().equals("query")) {
                            documented.add(parameter.path("name").asText());
                        }
                    });
                    checked++;
                    if (!documented.equals(takes)) {
                        differences.add(method + " " + path + ": documented " + documented + ", takes " + takes);
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(70);
        assertThat(differences).isEmpty();
    }

    @Test
    void operationsCarryTheEnvelopeTheErrorsTypesAndCredentials() {
        JsonNode document = document();
        JsonNode consume = document.path("paths").path("/admin/user/consume").path("post");
        assertThat(consume.path("security").toString()).contains("admin");
        assertThat(consume.path("responses").path("200").path("content").path("application/json").path("schema")
                .path("$ref").asText()).isEqualTo("#/components/schemas/Envelope");
        assertThat(consume.path("responses").fieldNames()).toIterable()
                .contains("200", "400", "401", "409", "415", "503");
        JsonNode body = consume.path("requestBody").path("content").path("application/json").path("schema");
        assertThat(body.path("required").toString()).contains("user_id", "amount", "description");
        assertThat(body.path("properties").path("user_id").path("type").asText()).isEqualTo("integer");
        assertThat(body.path("properties").path("amount").path("type").asText()).isEqualTo("number");
        assertThat(document.path("components").path("schemas").path("Envelope").path("properties").fieldNames())
                .toIterable().contains("success", "error_msgs", "data", "total");
        assertThat(document.path("paths").path("/service/computations/submit").path("post").path("security")
                .toString()).contains("service");
    }

    @Test
    void theDescriptionCanBeBrowsed() {
        ApiResult page = ApiClient.anonymous(port).get("/swagger-ui/index.html", Map.of());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().asText()).contains("swagger-ui");
    }

    /** The parameters {@code path} takes, from its answer to an unknown one. */
    private Set<String> takes(String path, boolean post) {
        ApiClient client = path.startsWith(BasicAuthenticationFilter.SERVICE_PREFIX) ? service() : admin();
        Map<String, Object> unknown = Map.of("zz_unknown", "1");
        ApiResult answer = post ? client.post(path + "/", unknown) : client.get(path + "/", unknown);
        Set<String> names = new TreeSet<>();
        for (String message : answer.errors()) {
            Matcher takes = TAKES.matcher(message);
            if (takes.find()) {
                Arrays.stream(takes.group(1).split(",")).map(String::trim).filter(name -> !name.isEmpty())
                        .forEach(names::add);
            }
        }
        return names;
    }
}
