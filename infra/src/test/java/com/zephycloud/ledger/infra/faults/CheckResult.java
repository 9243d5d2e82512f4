package com.zephycloud.ledger.infra.faults;

import java.util.ArrayList;
import java.util.List;

/** What the checks after one fault found: acknowledged commands missing, and every mismatch. */
final class CheckResult {

    private static final int SHOWN = 20;

    private long lost;
    private final List<String> mismatches = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void lost(String what) {
        if (lost++ < SHOWN) {
            notes.add("LOST " + what);
        }
    }

    void mismatch(String what) {
        mismatches.add(what);
    }

    void note(String what) {
        notes.add(what);
    }

    long lost() {
        return lost;
    }

    int mismatches() {
        return mismatches.size();
    }

    List<String> details() {
        List<String> details = new ArrayList<>(notes);
        mismatches.stream().limit(SHOWN).forEach(m -> details.add("MISMATCH " + m));
        return details;
    }
}
