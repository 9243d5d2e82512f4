package com.zephycloud.ledger.infra.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * The JSON of the HTTP API: snake_case field names as in the reference, exact decimals without
 * trailing zeros or exponents (127.12, not 127.12000000 or 1.2712E+2).
 */
public final class ApiJson {

    private ApiJson() {
    }

    public static ObjectMapper create() {
        SimpleModule exactDecimals = new SimpleModule("exact-decimals");
        exactDecimals.addSerializer(BigDecimal.class, new JsonSerializer<>() {
            @Override
            public void serialize(BigDecimal value, JsonGenerator out, SerializerProvider provider) throws IOException {
                out.writeNumber(value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString());
            }
        });
        return new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .registerModule(new JavaTimeModule())
                .registerModule(exactDecimals)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }
}
