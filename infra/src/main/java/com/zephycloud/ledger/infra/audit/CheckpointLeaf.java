package com.zephycloud.ledger.infra.audit;

import com.zephycloud.ledger.query.audit.MerkleTree;

/** One user's chain head as a checkpoint covers it: the link at {@code sequence}, whose hash is {@code head}. */
public record CheckpointLeaf(long userId, long sequence, String head) {

    public String hash() {
        return MerkleTree.leaf(userId, sequence, head);
    }
}
