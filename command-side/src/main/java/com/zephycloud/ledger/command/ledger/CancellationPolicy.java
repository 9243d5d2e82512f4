package com.zephycloud.ledger.command.ledger;

import com.zephycloud.ledger.kernel.TransactionId;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which transactions may be canceled: known ones, each at most once, and never a reversal
 * (cancel the original's reversal by adding or consuming credit instead). All-or-nothing: one
 * refused id refuses the whole request, and the message lists every refused id.
 */
public final class CancellationPolicy {

    private CancellationPolicy() {
    }

    public static List<LedgerEntry> check(List<TransactionId> requested, Map<TransactionId, LedgerEntry> known) {
        if (requested.isEmpty()) {
            throw new IllegalArgumentException("transaction_ids is empty: give at least one transaction id");
        }
        Set<TransactionId> seen = new HashSet<>();
        List<String> duplicates = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<String> reversals = new ArrayList<>();
        List<String> canceled = new ArrayList<>();
        List<LedgerEntry> entries = new ArrayList<>();
        for (TransactionId id : requested) {
            if (!seen.add(id)) {
                duplicates.add(id.toString());
                continue;
            }
            LedgerEntry entry = known.get(id);
            if (entry == null) {
                unknown.add(id.toString());
            } else if (entry.reversal()) {
                reversals.add(id.toString());
            } else if (entry.canceled()) {
                canceled.add(id.toString());
            } else {
                entries.add(entry);
            }
        }
        if (!duplicates.isEmpty()) {
            throw new IllegalArgumentException("transaction_ids lists the same id twice: " + join(duplicates));
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("no transaction with id " + join(unknown));
        }
        if (!reversals.isEmpty()) {
            throw new IllegalStateException("transaction " + join(reversals)
                    + " is itself a cancellation and cannot be canceled");
        }
        if (!canceled.isEmpty()) {
            throw new IllegalStateException("transaction " + join(canceled) + " is already canceled");
        }
        return entries;
    }

    private static String join(List<String> ids) {
        return ids.stream().collect(Collectors.joining(", "));
    }
}
