package com.zephycloud.ledger.infra.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every command the clients saw acknowledged, as the event it must have stored: the published
 * type and the value that identifies it (a consumption's description, a credit's reason, the
 * canceled transaction, the job).
 */
final class Acknowledged {

    record Expected(String type, String key) {
    }

    private final Set<Expected> all = ConcurrentHashMap.newKeySet();
    private final Map<Long, List<String>> cancelable = new ConcurrentHashMap<>();

    void add(String type, Object key) {
        all.add(new Expected(type, String.valueOf(key)));
    }

    void consumed(long userId, String description) {
        add("ledger.CreditConsumed", description);
        cancelable.computeIfAbsent(userId, user -> new ArrayList<>());
        List<String> descriptions = cancelable.get(userId);
        synchronized (descriptions) {
            descriptions.add(description);
        }
    }

    /** An acknowledged consumption of {@code userId} not handed out before, or null. */
    String takeCancelable(long userId, int pick) {
        List<String> descriptions = cancelable.get(userId);
        if (descriptions == null) {
            return null;
        }
        synchronized (descriptions) {
            return descriptions.isEmpty() ? null : descriptions.remove(Math.floorMod(pick, descriptions.size()));
        }
    }

    Set<Expected> all() {
        return Set.copyOf(all);
    }
}
