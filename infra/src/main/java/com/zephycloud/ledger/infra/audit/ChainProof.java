package com.zephycloud.ledger.infra.audit;

import com.zephycloud.ledger.query.audit.ChainLink;
import com.zephycloud.ledger.query.audit.MerkleTree;

import java.util.List;

/**
 * That transaction {@code transactionId} is in checkpoint {@code checkpoint}: its link and the
 * links after it up to the user's head as the checkpoint covers it ({@code links}, each with its
 * canonical line and hash), that head's leaf, the Merkle path from the leaf to the root, and the
 * signed checkpoint. docs/ledger-chain.md says how to check it with nothing but SHA-256 and Ed25519.
 */
public record ChainProof(long transactionId, long userId, List<Link> links, Leaf leaf, List<MerkleTree.Step> merklePath,
                         Checkpoint checkpoint) {

    /** A link with its decimals as the canonical line writes them. */
    public record Link(long sequence, long transactionId, String eventType, String amount, String balanceAfter,
                       long occurredUs, String descriptionSha256, String previousHash, String line, String hash) {

        static Link of(ChainLink link) {
            return new Link(link.sequence(), link.transactionId(), link.eventType(), ChainLink.plain(link.amount()),
                    ChainLink.plain(link.balanceAfter()), link.occurredUs(), link.descriptionSha256(),
                    link.previousHash(), link.line(), link.hash());
        }
    }

    /** The user's head in the checkpoint, {@code hash} the leaf's own hash. */
    public record Leaf(long index, long userId, long sequence, String head, String hash) {
    }
}
