package com.zephycloud.ledger.infra.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

/**
 * Writes the JSON Schema (draft 2020-12) of a published event type from its record, following
 * the same rules as {@link PublishedPayloads}: snake_case names, a value type with
 * {@code @JsonValue} shown as that value, enums as their JSON values, instants as date-time
 * strings. Any component may be null except primitives. A Java type it has no rule for is an
 * error, never a guess: add the rule here.
 */
public final class EventSchemaGenerator {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final PropertyNamingStrategies.NamingBase SNAKE_CASE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    private EventSchemaGenerator() {
    }

    public static ObjectNode schemaOf(PublishedEventType type) {
        ObjectNode schema = NODES.objectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", "urn:zephycloud:event:" + type.name() + ":v" + type.version());
        schema.put("title", type.name());
        schema.put("description", "Payload of " + type.name() + " version " + type.version());
        schema.setAll(recordSchema(type.payloadClass(), false));
        return schema;
    }

    private static ObjectNode recordSchema(Class<?> record, boolean nullable) {
        ObjectNode schema = NODES.objectNode();
        schema.set("type", types("object", nullable));
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = NODES.arrayNode();
        for (RecordComponent component : record.getRecordComponents()) {
            if (component.isAnnotationPresent(JsonIgnore.class) || component.getAccessor().isAnnotationPresent(JsonIgnore.class)) {
                continue;
            }
            String name = propertyName(component);
            if (EventContract.WITHHELD_FIELDS.contains(name)) {
                continue;
            }
            properties.set(name, describe(component.getGenericType(), record.getName() + "." + component.getName()));
            required.add(name);
        }
        schema.set("required", required);
        schema.put("additionalProperties", false);
        return schema;
    }

    private static String propertyName(RecordComponent component) {
        JsonProperty explicit = component.getAnnotation(JsonProperty.class);
        if (explicit == null) {
            explicit = component.getAccessor().getAnnotation(JsonProperty.class);
        }
        if (explicit != null && !explicit.value().isEmpty()) {
            return explicit.value();
        }
        return SNAKE_CASE.translate(component.getName());
    }

    private static JsonNode describe(Type type, String where) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw) {
            Type[] arguments = parameterized.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                ObjectNode array = NODES.objectNode();
                array.set("type", types("array", true));
                array.set("items", describe(arguments[0], where + "[]"));
                return array;
            }
            if (Map.class.isAssignableFrom(raw) && arguments[0] == String.class) {
                ObjectNode map = NODES.objectNode();
                map.set("type", types("object", true));
                map.set("additionalProperties", describe(arguments[1], where + "{}"));
                return map;
            }
        }
        if (!(type instanceof Class<?> c)) {
            throw unsupported(type, where);
        }
        if (c.isPrimitive()) {
            return primitive(c, where);
        }
        if (c == Long.class || c == Integer.class || c == Short.class || c == BigInteger.class) {
            return simple("integer", null);
        }
        if (c == BigDecimal.class || c == Double.class || c == Float.class) {
            return simple("number", null);
        }
        if (c == Boolean.class) {
            return simple("boolean", null);
        }
        if (c == String.class) {
            return simple("string", null);
        }
        if (c == Instant.class) {
            return simple("string", "date-time");
        }
        if (c == LocalDate.class) {
            return simple("string", "date");
        }
        if (c.isEnum()) {
            return enumSchema(c, where);
        }
        Method jsonValue = jsonValueMethod(c);
        if (jsonValue != null) {
            JsonNode valueSchema = describe(jsonValue.getGenericReturnType(), where).deepCopy();
            if (valueSchema instanceof ObjectNode object && object.get("type").isTextual()) {
                object.set("type", types(object.get("type").asText(), true));
            }
            return valueSchema;
        }
        if (c.isRecord()) {
            return recordSchema(c, true);
        }
        throw unsupported(type, where);
    }

    private static JsonNode primitive(Class<?> c, String where) {
        ObjectNode schema = NODES.objectNode();
        if (c == long.class || c == int.class || c == short.class || c == byte.class) {
            schema.put("type", "integer");
        } else if (c == double.class || c == float.class) {
            schema.put("type", "number");
        } else if (c == boolean.class) {
            schema.put("type", "boolean");
        } else {
            throw unsupported(c, where);
        }
        return schema;
    }

    private static ObjectNode simple(String type, String format) {
        ObjectNode schema = NODES.objectNode();
        schema.set("type", types(type, true));
        if (format != null) {
            schema.put("format", format);
        }
        return schema;
    }

    private static JsonNode enumSchema(Class<?> c, String where) {
        Method jsonValue = jsonValueMethod(c);
        ArrayNode values = NODES.arrayNode();
        for (Object constant : c.getEnumConstants()) {
            try {
                values.add(jsonValue == null ? ((Enum<?>) constant).name() : String.valueOf(jsonValue.invoke(constant)));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read the JSON value of " + constant + " at " + where, e);
            }
        }
        values.addNull();
        ObjectNode schema = NODES.objectNode();
        schema.set("type", types("string", true));
        schema.set("enum", values);
        return schema;
    }

    private static Method jsonValueMethod(Class<?> c) {
        for (Method method : c.getMethods()) {
            if (method.isAnnotationPresent(JsonValue.class) && method.getParameterCount() == 0
                    && !Modifier.isStatic(method.getModifiers())) {
                return method;
            }
        }
        return null;
    }

    private static JsonNode types(String type, boolean nullable) {
        if (!nullable) {
            return NODES.textNode(type);
        }
        return NODES.arrayNode().add(type).add("null");
    }

    private static IllegalArgumentException unsupported(Type type, String where) {
        return new IllegalArgumentException("the published contract has no JSON Schema rule for " + type.getTypeName()
                + " (at " + where + "); add one to " + EventSchemaGenerator.class.getSimpleName());
    }
}
