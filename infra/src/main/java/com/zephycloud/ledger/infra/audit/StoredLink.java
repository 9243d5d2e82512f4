package com.zephycloud.ledger.infra.audit;

import com.zephycloud.ledger.query.audit.ChainLink;

/** A row of {@code ledger_chain}: the link's fields and the hash stored with them. */
public record StoredLink(ChainLink link, String hash, long eventPosition) {
}
