package com.zephycloud.ledger.command.ledger;

import com.zephycloud.ledger.kernel.TransactionId;

/** Port: allocates new transaction ids (a database sequence in production, a counter in tests). */
public interface TransactionIdGenerator {

    TransactionId next();
}
