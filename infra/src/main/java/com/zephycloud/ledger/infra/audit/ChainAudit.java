package com.zephycloud.ledger.infra.audit;

/**
 * The verification of one user's chain: {@code intact}, or {@code broken} at {@code firstBreak}.
 * {@code head} is the hash of the last link recomputed from the events; {@code checkpointId} the
 * checkpoint whose signed head of this user was compared too (null when none covers the user).
 */
public record ChainAudit(long userId, String result, long linksChecked, String head, Long checkpointId,
                         ChainBreak firstBreak) {

    public static final String INTACT = "intact";
    public static final String BROKEN = "broken";
}
