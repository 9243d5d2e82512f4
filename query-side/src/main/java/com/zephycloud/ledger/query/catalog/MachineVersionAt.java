package com.zephycloud.ledger.query.catalog;

/**
 * The answer to {@link FindMachine}: the machine and, when it was read from the read model, the
 * range of its version ({@code validFromMicros} to {@code validToMicros}, null: still valid) and
 * whether the read model was being rebuilt, which say how long the answer stays true.
 */
public record MachineVersionAt(MachineView machine, Long validFromMicros, Long validToMicros, boolean fromReadModel,
                               boolean rebuilding) {

    static MachineVersionAt settled(MachineView machine) {
        return new MachineVersionAt(machine, null, null, false, false);
    }
}
