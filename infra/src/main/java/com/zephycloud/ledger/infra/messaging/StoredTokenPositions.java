package com.zephycloud.ledger.infra.messaging;

import com.zephycloud.ledger.infra.eventstore.InstanceName;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
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

    /**
     * The segments of {@code processor} whose claim another instance owns, by the claims in the
     * token store. Axon keeps the status of a segment whose work failed (a database outage) until
     * this instance claims it again, and keeps it for good when releasing the claim failed too; when
     * another instance claimed the segment meanwhile, which the fair share makes likely, that never
     * happens, and the stale status (an error, or a position frozen behind a failure) would keep
     * this instance's readiness DOWN for good. A segment released and not claimed again (Axon
     * releases a failing segment for a back-off), or a token store that cannot be read, is not
     * among them: its status here stands.
     */
    public Set<Integer> heldElsewhere(String processor) {
        try {
            Set<Integer> elsewhere = new HashSet<>();
            jdbc.query("SELECT segment, owner FROM token_entry WHERE processor_name = ?", row -> {
                String owner = row.getString(2);
                if (owner != null && !owner.equals(instance.value())) {
                    elsewhere.add(row.getInt(1));
                }
            }, processor);
            return elsewhere;
        } catch (RuntimeException unreadable) {
            return Set.of();
        }
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
