package com.zephycloud.ledger.infra.events;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.UTF8JsonGenerator;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a stored payload (the event serializer's JSON of the record) in its published shape
 * straight from the stored bytes, token by token, without building the record and writing it
 * again: field names in snake_case, decimals without trailing zeros or exponents, the withheld
 * fields left out. The two JSONs differ in nothing else for a record made only of values whose
 * JSON both writers agree on: numbers (not floating point), strings, booleans, instants, dates,
 * enums, {@code @JsonValue} value types, lists, and nested records of the same. A map's keys are
 * data, not field names, so a type with a map anywhere is {@link #handles not handled}; nor is
 * a stored revision other than the current one (it goes through the record, as upcasters would).
 * {@code StoredPayloadPassThroughTest} compares both paths for every published type.
 */
final class StoredPayloadPassThrough {

    private static final Set<Class<?>> PLAIN = Set.of(String.class, BigDecimal.class, BigInteger.class, Instant.class,
            LocalDate.class, Long.class, Integer.class, Short.class, Byte.class, Boolean.class, long.class, int.class,
            short.class, byte.class, boolean.class);

    private final JsonFactory json = new JsonFactory();
    private final Map<Class<?>, Boolean> handled = new ConcurrentHashMap<>();
    /** Each stored field name's published name, encoded once (a plain read on the way of every field). */
    private final Map<String, SerializedString> names = new ConcurrentHashMap<>();
    private final PropertyNamingStrategies.NamingBase snakeCase =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    /** True when a payload of {@code type} stored at {@code revision} can be written from its stored JSON. */
    boolean handles(PublishedEventType type, String revision) {
        return type.version().equals(revision) && handled.computeIfAbsent(type.payloadClass(), c -> plainJson(c, 0));
    }

    void write(byte[] stored, JsonGenerator out) throws IOException {
        try (JsonParser in = json.createParser(stored)) {
            if (in.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("a stored payload that is not a JSON object");
            }
            copyObject(stored, in, out, true);
        }
    }

    private void copyObject(byte[] stored, JsonParser in, JsonGenerator out, boolean top) throws IOException {
        out.writeStartObject();
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String storedName = in.currentName();
            SerializedString name = names.get(storedName);
            if (name == null) {
                name = new SerializedString(snakeCase.translate(storedName));
                names.put(storedName, name);
            }
            in.nextToken();
            if (top && EventContract.WITHHELD_FIELDS.contains(name.getValue())) {
                in.skipChildren();
                continue;
            }
            out.writeFieldName(name);
            copyValue(stored, in, out);
        }
        out.writeEndObject();
    }

    private void copyValue(byte[] stored, JsonParser in, JsonGenerator out) throws IOException {
        switch (in.currentToken()) {
            case START_OBJECT -> copyObject(stored, in, out, false);
            case START_ARRAY -> {
                out.writeStartArray();
                while (in.nextToken() != JsonToken.END_ARRAY) {
                    copyValue(stored, in, out);
                }
                out.writeEndArray();
            }
            case VALUE_STRING -> {
                // the stored bytes between the quotes, already escaped as Jackson escapes (both writers
                // are Jackson's, with its default escapes): neither decoded nor encoded again
                long start = in.currentTokenLocation().getByteOffset();
                in.finishToken();
                long end = in.currentLocation().getByteOffset();
                if (out instanceof UTF8JsonGenerator && start >= 0 && end - start >= 2 && stored[(int) start] == '"'
                        && stored[(int) end - 1] == '"') {
                    out.writeRawUTF8String(stored, (int) start + 1, (int) (end - start - 2));
                } else {
                    out.writeString(in.getText());
                }
            }
            case VALUE_NUMBER_FLOAT -> {
                char[] text = in.getTextCharacters();
                int offset = in.getTextOffset();
                int length = in.getTextLength();
                if (plainWithoutTrailingZeros(text, offset, length)) {
                    out.writeNumber(text, offset, length); // most amounts: already in the published form
                } else {
                    BigDecimal value = in.getDecimalValue();
                    out.writeNumber(value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString());
                }
            }
            default -> out.copyCurrentEvent(in);
        }
    }

    /**
     * Whether a stored decimal is what {@code stripTrailingZeros().toPlainString()} makes of it:
     * digits with one point, no exponent, and no zero at the end.
     */
    static boolean plainWithoutTrailingZeros(char[] text, int offset, int length) {
        int end = offset + length;
        int from = length > 0 && text[offset] == '-' ? offset + 1 : offset;
        int point = -1;
        for (int i = from; i < end; i++) {
            char c = text[i];
            if (c == '.' && point < 0) {
                point = i;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return point > from && point < end - 1 && text[end - 1] != '0';
    }

    /** Whether every value of {@code type} is written alike by both writers (see the class comment). */
    private static boolean plainJson(Type type, int depth) {
        if (depth > 8) {
            return false;
        }
        if (type instanceof ParameterizedType generic) {
            Class<?> raw = (Class<?>) generic.getRawType();
            return Collection.class.isAssignableFrom(raw) && generic.getActualTypeArguments().length == 1
                    && plainJson(generic.getActualTypeArguments()[0], depth + 1);
        }
        if (!(type instanceof Class<?> c)) {
            return false;
        }
        if (PLAIN.contains(c) || c.isEnum()) {
            return true;
        }
        for (Method method : c.getDeclaredMethods()) {
            if (method.isAnnotationPresent(JsonValue.class) && method.getParameterCount() == 0) {
                return plainJson(method.getGenericReturnType(), depth + 1);
            }
        }
        if (c.isRecord()) {
            for (RecordComponent component : c.getRecordComponents()) {
                if (!plainJson(component.getGenericType(), depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }
}
