package com.zephycloud.ledger.infra.messaging;

import com.zephycloud.ledger.infra.eventstore.InstanceName;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where each segment of a processor stands as the token store has it ({@code token_entry}), on
 * whichever instance holds it: a pooled processor stores its segment's token with every batch
 * that handled events, and every few seconds otherwise (Axon's claim extension), so a stored
 * position is exact up to the last event the segment handled. Tokens are deserialized once per
 * distinct stored value.
 */
@Component
public class StoredTokenPositions {

    /** A segment's stored position (-1: no token, or one before any event), and whether this instance holds its claim. */
    public record Stored(long position, boolean claimedHere) {
    }

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final InstanceName instance;
    private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();

    public StoredTokenPositions(JdbcTemplate jdbc, Serializer serializer, InstanceName instance) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.instance = instance;
    }

    /** Per processor, segment id to its stored token, for every segment of every processor: one query. */
    public Map<String, Map<Integer, Stored>> all() {
        Map<String, Map<Integer, Stored>> positions = new TreeMap<>();
        jdbc.query("SELECT processor_name, segment, token, token_type, owner FROM token_entry", row -> {
            String processor = row.getString(1);
            int segment = row.getInt(2);
            positions.computeIfAbsent(processor, name -> new TreeMap<>())
                    .put(segment, new Stored(position(processor + "/" + segment, row.getBytes(3), row.getString(4)),
                            instance.value().equals(row.getString(5))));
        });
        return positions;
    }

    private long position(String key, byte[] token, String type) {
        if (token == null || type == null) {
            return -1;
        }
        Parsed last = parsed.get(key);
        if (last != null && Arrays.equals(last.token, token)) {
            return last.position;
        }
        TrackingToken tracking = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
        long position = tracking == null ? -1 : tracking.position().orElse(-1);
        parsed.put(key, new Parsed(token, position));
        return position;
    }

    private record Parsed(byte[] token, long position) {
    }
}
