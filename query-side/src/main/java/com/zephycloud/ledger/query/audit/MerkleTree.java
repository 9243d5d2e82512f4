package com.zephycloud.ledger.query.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * The Merkle tree of a checkpoint over the users' chain heads (docs/ledger-chain.md). A leaf is
 * {@code sha256("leaf|v1|user|sequence|head")}, a node {@code sha256("node|left|right")}; at a level
 * with an odd count the last hash goes up unchanged (never paired with itself, so no two leaf
 * lists share a root). No leaves: 64 zeros.
 */
public final class MerkleTree {

    /** One step of an inclusion path: the sibling's hash and on which side of ours it stands. */
    public record Step(String side, String hash) {
    }

    private final List<List<String>> levels = new ArrayList<>();

    public MerkleTree(List<String> leaves) {
        List<String> level = List.copyOf(leaves);
        levels.add(level);
        while (level.size() > 1) {
            List<String> up = new ArrayList<>((level.size() + 1) / 2);
            for (int i = 0; i < level.size(); i += 2) {
                up.add(i + 1 < level.size() ? node(level.get(i), level.get(i + 1)) : level.get(i));
            }
            level = up;
            levels.add(level);
        }
    }

    public static String leaf(long userId, long sequence, String head) {
        return Sha256.hex("leaf|v1|" + userId + "|" + sequence + "|" + head);
    }

    public static String node(String left, String right) {
        return Sha256.hex("node|" + left + "|" + right);
    }

    public String root() {
        List<String> top = levels.get(levels.size() - 1);
        return top.isEmpty() ? Sha256.ZERO : top.get(0);
    }

    /** The siblings from leaf {@code index} up to the root; a level where it goes up alone adds no step. */
    public List<Step> path(int index) {
        List<Step> steps = new ArrayList<>();
        int i = index;
        for (List<String> level : levels.subList(0, levels.size() - 1)) {
            if (i % 2 == 1) {
                steps.add(new Step("left", level.get(i - 1)));
            } else if (i + 1 < level.size()) {
                steps.add(new Step("right", level.get(i + 1)));
            }
            i /= 2;
        }
        return steps;
    }

    /** Folds {@code path} from {@code leaf}: the root, when the leaf is in the tree. */
    public static String fold(String leaf, List<Step> path) {
        String hash = leaf;
        for (Step step : path) {
            hash = step.side().equals("left") ? node(step.hash(), hash) : node(hash, step.hash());
        }
        return hash;
    }
}
