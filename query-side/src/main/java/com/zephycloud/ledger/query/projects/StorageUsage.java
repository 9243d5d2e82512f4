package com.zephycloud.ledger.query.projects;

public record StorageUsage(int meshCount, int calcCount) {

    public int items() {
        return meshCount + calcCount;
    }
}
