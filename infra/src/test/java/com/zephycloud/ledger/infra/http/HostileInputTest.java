package com.zephycloud.ledger.infra.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.zephycloud.ledger.infra.support.ApiClient;
import com.zephycloud.ledger.infra.support.ApiResult;
import com.zephycloud.ledger.infra.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint that answers the envelope, found in the application's own request mappings (so
 * that a new endpoint is covered without being listed here), given hostile values for each of its
 * parameters, as a form and as JSON. Whatever the input, the answer is the envelope: success with
 * {@code success: 1}, or a 4xx with {@code success: 0} and messages, having stored no event. Never
 * a 5xx, never a stack trace.
 *
 * <p>Each endpoint's parameters are learned from its own answer to an unknown parameter, which
 * names the ones it takes. The application has a database of its own: the inputs change things
 * (a user named {@code abc} may be created), and other tests must not see that.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostileInputTest {

    /** Values sent as text (form fields; as JSON strings they are also tried). */
    private static final List<String> TEXTS = List.of("", " ", "-1", "0", "1.5", "abc", "-0.000000001",
            "99999999999999999999999999999", "9223372036854775808", "-9223372036854775809", "2147483648", "1e309",
            "NaN", "-Infinity", "0x10", "253402300800", "-62135596801", "[1,2]", "{\"a\":1}", "null",
            "' OR 1=1 --", "login DESC; DROP TABLE users", "1,abc,", "\u00e9\u0000\uffff", "{\"a\":\"\\u0000\"}",
            "x".repeat(5000));
    /** JSON values that have no form equivalent. */
    private static final List<String> JSON_VALUES = List.of("null", "true", "[]", "[1,\"a\",null]", "{\"a\":{\"b\":1}}",
            "1e400", "-1e-400", "123456789012345678901234567890", "1.0E+9999");
    /** Bodies that are not what their content type says: content type, body. */
    private static final List<String[]> RAW_BODIES = List.of(new String[]{"multipart/form-data", "x"},
            new String[]{"application/json", "{\"a\":"}, new String[]{"application/json", "[1]"},
            new String[]{"application/x-www-form-urlencoded", "a=%zz&=&&b"}, new String[]{"text/plain", "hello"});
    private static final Pattern TAKES = Pattern.compile("this endpoint takes: (.*)$");
    private static final String DATABASE_PREFIX = "hostile_input_";

    @LocalServerPort
    private int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;
    @Autowired
    private JdbcTemplate jdbc;
    private int requests;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        String url = TestDatabase.newUrl(DATABASE_PREFIX);
        registry.add("spring.datasource.url", () -> url);
        TestDatabase.smallPool(registry);
        registry.add("zephy.admin.password", () -> TestDatabase.ADMIN_PASSWORD);
        registry.add("zephy.service.password", () -> TestDatabase.SERVICE_PASSWORD);
    }

    @Test
    void noInputMakesAnEndpointFailOrLeaveTheEnvelope() {
        Map<String, Boolean> endpoints = envelopeEndpoints();
        assertThat(endpoints).hasSizeGreaterThan(60);
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Boolean> endpoint : endpoints.entrySet()) {
            String path = endpoint.getKey() + "/";
            boolean post = endpoint.getValue();
            ApiClient client = path.startsWith(BasicAuthenticationFilter.SERVICE_PREFIX)
                    ? ApiClient.service(port) : ApiClient.admin(port);
            ApiResult probe = attempt(problems, path, "zz_unknown=1",
                    () -> send(client, path, post, Map.of("zz_unknown", "1")));
            List<String> names = parameterNames(probe);
            for (String text : TEXTS) {
                for (String name : names) {
                    attempt(problems, path, name + "=" + shorten(text),
                            () -> send(client, path, post, Map.of(name, text)));
                }
                Map<String, Object> all = new LinkedHashMap<>();
                names.forEach(name -> all.put(name, text));
                attempt(problems, path, "every parameter=" + shorten(text), () -> send(client, path, post, all));
            }
            if (post) {
                for (String[] raw : RAW_BODIES) {
                    attempt(problems, path, raw[0] + " body " + raw[1], () -> client.postRaw(path, raw[0], raw[1]));
                }
                for (String json : JSON_VALUES) {
                    for (String name : names) {
                        String body = "{\"" + name + "\":" + json + "}";
                        attempt(problems, path, body, () -> client.postRaw(path, "application/json", body));
                    }
                }
            }
        }
        System.out.printf("hostile input: %d endpoints, %d requests%n", endpoints.size(), requests);
        assertThat(problems).as("answers that are not the envelope, are a 5xx, or refused yet stored events")
                .isEmpty();
    }

    /** Sends one request and records its problems; answers its result. */
    private ApiResult attempt(List<String> problems, String path, String input, Supplier<ApiResult> request) {
        long head = eventStoreHead();
        ApiResult result = request.get();
        problems.addAll(checked(path, input, result, head));
        requests++;
        return result;
    }

    /** Path → whether it takes POST (else GET), for every mapped endpoint that answers the envelope. */
    private Map<String, Boolean> envelopeEndpoints() {
        Map<String, Boolean> endpoints = new TreeMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            if (!ApiResponse.class.equals(mapping.getValue().getReturnType().getParameterType())) {
                continue; // a stream of events, not an envelope
            }
            boolean post = mapping.getKey().getMethodsCondition().getMethods().contains(RequestMethod.POST);
            for (String path : mapping.getKey().getPatternValues()) {
                endpoints.merge(path, post, Boolean::logicalOr);
            }
        }
        return endpoints;
    }

    private static ApiResult send(ApiClient client, String path, boolean post, Map<String, Object> params) {
        return post ? client.postForm(path, params) : client.get(path, params);
    }

    private static List<String> parameterNames(ApiResult probe) {
        for (JsonNode message : probe.body().path("error_msgs")) {
            Matcher matcher = TAKES.matcher(message.asText());
            if (matcher.find()) {
                return Arrays.stream(matcher.group(1).split(", ")).map(String::trim).toList();
            }
        }
        return List.of();
    }

    /** The newest event's index: no background work runs in this application, so only requests move it. */
    private long eventStoreHead() {
        Long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        return head == null ? -1 : head;
    }

    /** The problems of one answer, given the event store's head before the request. */
    private List<String> checked(String path, String input, ApiResult result, long headBefore) {
        List<String> problems = new ArrayList<>();
        JsonNode body = result.body();
        String where = path + " with " + input + ": HTTP " + result.status() + " " + shorten(String.valueOf(body));
        if (result.status() >= 400 && eventStoreHead() != headBefore) {
            problems.add(where + " (refused, yet events were stored)");
        }
        if (result.status() >= 500) {
            problems.add(where);
        } else if (body == null || !body.has("success") || !body.has("error_msgs")) {
            problems.add(where + " (not the envelope)");
        } else if (result.status() >= 400 && (body.get("success").asInt() != 0 || body.get("error_msgs").isEmpty())) {
            problems.add(where + " (an error without success 0 and a message)");
        } else if (result.status() < 300 && body.get("success").asInt() != 1) {
            problems.add(where + " (a 2xx without success 1)");
        } else if (body.toString().contains("Exception") || body.toString().contains("\tat ")) {
            problems.add(where + " (an exception leaks)");
        }
        return problems;
    }

    private static String shorten(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
