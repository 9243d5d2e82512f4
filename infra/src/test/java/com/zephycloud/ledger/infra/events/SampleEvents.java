package com.zephycloud.ledger.infra.events;

import com.zephycloud.ledger.kernel.projects.ProjectUid;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds instances of any event record with made-up values, so that every published type,
 * including ones added later, is serialized and checked against its schema without a
 * hand-written example.
 */
final class SampleEvents {

    private SampleEvents() {
    }

    /** Every component filled. */
    static Object filled(Class<?> record) {
        return construct(record, false);
    }

    /** Every non-primitive top-level component null, or null when the record refuses that. */
    static Object withNulls(Class<?> record) {
        try {
            return construct(record, true);
        } catch (IllegalStateException refused) {
            return null;
        }
    }

    private static Object construct(Class<?> record, boolean nulls) {
        RecordComponent[] components = record.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = nulls && !types[i].isPrimitive() ? null : sample(components[i].getGenericType());
        }
        try {
            Constructor<?> constructor = record.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (InvocationTargetException refused) {
            throw new IllegalStateException(record.getName() + " refuses the sample values", refused.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build a sample " + record.getName(), e);
        }
    }

    private static Object sample(Type type) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw) {
            Type[] arguments = parameterized.getActualTypeArguments();
            if (Set.class.isAssignableFrom(raw)) {
                return Set.of(sample(arguments[0]));
            }
            if (Collection.class.isAssignableFrom(raw)) {
                return List.of(sample(arguments[0]));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return Map.of("key", sample(arguments[1]));
            }
        }
        Class<?> c = (Class<?>) type;
        if (c == long.class || c == Long.class) {
            return 7L;
        }
        if (c == int.class || c == Integer.class) {
            return 3;
        }
        if (c == short.class || c == Short.class) {
            return (short) 2;
        }
        if (c == double.class || c == Double.class) {
            return 2.5d;
        }
        if (c == boolean.class || c == Boolean.class) {
            return true;
        }
        if (c == BigInteger.class) {
            return BigInteger.TEN;
        }
        if (c == BigDecimal.class) {
            return new BigDecimal("12.34567891");
        }
        if (c == String.class) {
            return "sample";
        }
        if (c == Instant.class) {
            return Instant.parse("2026-11-23T10:15:30.123456Z");
        }
        if (c == LocalDate.class) {
            return LocalDate.parse("2026-11-23");
        }
        if (c.isEnum()) {
            return c.getEnumConstants()[0];
        }
        if (c == ProjectUid.class) {
            // a value type that checks its form: a sample in the reference's form
            return ProjectUid.of("tristan-1529949694.06-7b6765804a2244f98e66a2200ca86de6C8QPJJO9BMFCSOEIWUD8LWVICHHQEL");
        }
        if (c.isRecord()) {
            return construct(c, false);
        }
        throw new IllegalArgumentException("no sample value for " + c.getName() + "; add one to SampleEvents");
    }
}
