package com.zephycloud.ledger.infra.ledger;

import com.zephycloud.ledger.command.ledger.TransactionIdGenerator;
import com.zephycloud.ledger.kernel.TransactionId;
import com.zephycloud.ledger.kernel.UserId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Ids from database sequences, so that several instances never hand out the same id.
 * Transaction ids are reserved in blocks: the sequence steps by the block size and each
 * {@code nextval} reserves the block starting at the value it returns, which saves one round
 * trip per transaction. Ids therefore increase per instance, not globally, and a block left
 * unused at shutdown is a gap.
 */
@Component
public class SequenceIdAllocator implements TransactionIdGenerator {

    private final JdbcTemplate jdbc;
    private final int blockSize;
    private long next;
    private long blockEnd;

    public SequenceIdAllocator(JdbcTemplate jdbc, @Value("${zephy.ids.transaction-block-size}") int blockSize) {
        this.jdbc = jdbc;
        this.blockSize = blockSize;
    }

    public UserId nextUserId() {
        return UserId.of(nextval("user_id_seq"));
    }

    @Override
    public synchronized TransactionId next() {
        if (next == blockEnd) {
            next = nextval("transaction_id_seq");
            blockEnd = next + blockSize;
        }
        return TransactionId.of(next++);
    }

    private long nextval(String sequence) {
        Long value = jdbc.queryForObject("SELECT nextval('" + sequence + "')", Long.class);
        return value;
    }
}
