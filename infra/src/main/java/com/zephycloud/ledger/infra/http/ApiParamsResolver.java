package com.zephycloud.ledger.infra.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Builds {@link ApiParams} from the query string and form fields, then a JSON object body on
 * top (a JSON value wins over a query value of the same name). An empty JSON array is no parameters,
 * as PHP's {@code json_encode} writes an empty array. {@code name[]} is read as
 * {@code name}; a repeated name becomes a list.
 */
public class ApiParamsResolver implements HandlerMethodArgumentResolver {

    private final ObjectMapper json;

    public ApiParamsResolver(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == ApiParams.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest web,
                                  WebDataBinderFactory binders) throws IOException {
        HttpServletRequest request = web.getNativeRequest(HttpServletRequest.class);
        Map<String, JsonNode> values = new LinkedHashMap<>();
        request.getParameterMap().forEach((rawName, texts) -> {
            String name = rawName.endsWith("[]") ? rawName.substring(0, rawName.length() - 2) : rawName;
            if (texts.length == 1 && !rawName.endsWith("[]")) {
                values.put(name, TextNode.valueOf(texts[0]));
            } else {
                ArrayNode list = JsonNodeFactory.instance.arrayNode();
                for (String text : texts) {
                    list.add(text);
                }
                values.put(name, list);
            }
        });
        String contentType = request.getContentType();
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.contains("json")) {
            String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!body.isBlank()) {
                values.putAll(parseObject(body));
            }
        } else if (hasBody(request) && !type.startsWith("application/x-www-form-urlencoded")
                && !type.startsWith("multipart/form-data")) {
            // a body the API cannot read would otherwise be ignored, and the request run without it
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, (contentType == null ? "a body without a"
                    + " Content-Type" : "content type " + contentType) + " is not supported; send JSON"
                    + " (application/json), a form (application/x-www-form-urlencoded) or query parameters");
        }
        JsonNode requestId = values.get(ApiParams.REQUEST_ID);
        if (requestId != null && requestId.isValueNode()) {
            request.setAttribute(ApiParams.REQUEST_ID_ATTRIBUTE, requestId.asText());
        }
        return new ApiParams(values);
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
    }

    private Map<String, JsonNode> parseObject(String body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("the request body is not valid JSON (" + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
                    + "); send a JSON object like {\"user_id\": 7}");
        }
        Map<String, JsonNode> values = new LinkedHashMap<>();
        if (root.isArray() && root.isEmpty()) {
            return values; // PHP's json_encode of an empty array: the admin dashboard's "no parameters"
        }
        if (!root.isObject()) {
            throw ApiException.badRequest("the JSON body must be an object of parameters, like {\"user_id\": 7}");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            values.put(field.getKey(), field.getValue());
        }
        return values;
    }
}
