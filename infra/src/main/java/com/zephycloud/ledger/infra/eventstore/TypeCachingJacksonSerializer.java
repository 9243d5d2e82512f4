package com.zephycloud.ledger.infra.eventstore;

import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Axon's Jackson serializer, remembering which class each serialized type names. Axon's asks the
 * class loader again for every message it deserializes (a class loader lookup under a lock), which
 * was a fifth of the time spent reading events; the names are a few dozen event and token types.
 */
public class TypeCachingJacksonSerializer extends JacksonSerializer {

    private final Map<String, Class<?>> classes = new ConcurrentHashMap<>();

    public TypeCachingJacksonSerializer(Builder builder) {
        super(builder);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        if (SimpleSerializedType.emptyType().equals(type)) {
            return super.classForType(type);
        }
        // by name: the revision does not change the class, and not every SerializedType has equals
        String name = resolveClassName(type);
        Class<?> known = classes.get(name);
        if (known != null) {
            return known;
        }
        Class<?> found = super.classForType(type);
        // an unknown name is not remembered: its class may be loadable later (Axon keeps its own list)
        if (found != UnknownSerializedType.class) {
            classes.put(name, found);
        }
        return found;
    }
}
