package com.zephycloud.ledger.infra.audit;

import com.zephycloud.ledger.infra.http.ApiException;
import com.zephycloud.ledger.infra.messaging.ProjectionCatchUp;
import com.zephycloud.ledger.query.audit.MerkleTree;
import org.springframework.http.HttpStatus;

import java.util.List;

/**
 * Builds inclusion proofs from the stored chain and a checkpoint's stored leaves. The Merkle
 * tree is recomputed from the leaves for each proof: a pass over one hash per user.
 */
public class ChainProofs {

    private final ChainRows rows;
    private final LedgerCheckpoints checkpoints;
    private final ProjectionCatchUp catchUp;

    public ChainProofs(ChainRows rows, LedgerCheckpoints checkpoints, ProjectionCatchUp catchUp) {
        this.rows = rows;
        this.checkpoints = checkpoints;
        this.catchUp = catchUp;
    }

    /** The proof of {@code transactionId} in checkpoint {@code checkpointId}, or in the latest when null. */
    public ChainProof prove(long transactionId, Long checkpointId) {
        catchUp.await();
        StoredLink link = rows.ofTransaction(transactionId)
                .orElseThrow(() -> ApiException.notFound("no transaction with transaction_id " + transactionId));
        Checkpoint checkpoint = (checkpointId == null ? checkpoints.latest() : checkpoints.find(checkpointId))
                .orElseThrow(() -> checkpointId == null
                        ? new ApiException(HttpStatus.CONFLICT, "no checkpoint was made yet: make one with"
                        + " audit/checkpoint")
                        : ApiException.notFound("no checkpoint with checkpoint_id " + checkpointId));
        long userId = link.link().userId();
        List<CheckpointLeaf> leaves = checkpoints.leaves(checkpoint.checkpointId());
        int index = indexOf(leaves, userId);
        if (index < 0 || leaves.get(index).sequence() < link.link().sequence()) {
            throw new ApiException(HttpStatus.CONFLICT, "transaction " + transactionId + " is not in checkpoint "
                    + checkpoint.checkpointId() + " (made before it); make a new one with audit/checkpoint");
        }
        CheckpointLeaf leaf = leaves.get(index);
        List<ChainProof.Link> links = rows.between(userId, link.link().sequence(), leaf.sequence()).stream()
                .map(stored -> ChainProof.Link.of(stored.link())).toList();
        MerkleTree tree = new MerkleTree(leaves.stream().map(CheckpointLeaf::hash).toList());
        return new ChainProof(transactionId, userId, links,
                new ChainProof.Leaf(index, userId, leaf.sequence(), leaf.head(), leaf.hash()), tree.path(index),
                checkpoint);
    }

    /** Leaves are sorted by user id. */
    private static int indexOf(List<CheckpointLeaf> leaves, long userId) {
        int low = 0;
        int high = leaves.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            long at = leaves.get(middle).userId();
            if (at == userId) {
                return middle;
            }
            if (at < userId) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return -1;
    }
}
