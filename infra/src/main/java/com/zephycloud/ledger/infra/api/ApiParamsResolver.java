package com.zephycloud.ledger.infra.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds {@link ApiParams} from the query string and form fields, then a JSON object body on
 * top (a JSON value wins over a query value of the same name). {@code name[]} is read as
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
        if (contentType != null && contentType.toLowerCase().contains("json")) {
            String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!body.isBlank()) {
                values.putAll(parseObject(body));
            }
        }
        return new ApiParams(values);
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
        if (!root.isObject()) {
            throw ApiException.badRequest("the JSON body must be an object of parameters, like {\"user_id\": 7}");
        }
        Map<String, JsonNode> values = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            values.put(field.getKey(), field.getValue());
        }
        return values;
    }
}
