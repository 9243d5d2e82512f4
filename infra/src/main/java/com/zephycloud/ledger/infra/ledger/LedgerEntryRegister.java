package com.zephycloud.ledger.infra.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zephycloud.ledger.command.ledger.LedgerEntries;
import com.zephycloud.ledger.command.ledger.LedgerEntry;
import com.zephycloud.ledger.jdbc.BatchedStatements;
import com.zephycloud.ledger.kernel.ChargeCategory;
import com.zephycloud.ledger.kernel.ChargeContext;
import com.zephycloud.ledger.kernel.TransactionId;
import com.zephycloud.ledger.kernel.UserId;
import com.zephycloud.ledger.kernel.Zephycoins;
import com.zephycloud.ledger.kernel.events.ledger.CreditAdded;
import com.zephycloud.ledger.kernel.events.ledger.CreditConsumed;
import com.zephycloud.ledger.kernel.events.ledger.CreditRemoved;
import com.zephycloud.ledger.kernel.events.ledger.TransactionCanceled;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The command side's register of transactions ({@link LedgerEntries}). Its handlers run on a
 * subscribing processor, in the transaction that stores the event (in batches, before it commits:
 * {@link BatchedStatements}): a failed write here rolls the command back. The conditional update on
 * cancellation is what makes "canceled at most once" hold when two cancellations of one
 * transaction race.
 */
@Component
@ProcessingGroup(LedgerEntryRegister.PROCESSING_GROUP)
public class LedgerEntryRegister implements LedgerEntries {

    public static final String PROCESSING_GROUP = "ledger-entry-register";

    private final BatchedStatements writes;
    private final NamedParameterJdbcTemplate named;
    private final ObjectMapper json;

    public LedgerEntryRegister(BatchedStatements writes, JdbcTemplate jdbc, ObjectMapper json) {
        this.writes = writes;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.json = json;
    }

    @EventHandler
    void on(CreditAdded event) {
        insert(event.transactionId(), event.userId(), event.signedAmount(), null, null, null);
    }

    @EventHandler
    void on(CreditConsumed event) {
        insert(event.transactionId(), event.userId(), event.signedAmount(), event.category(), event.context(), null);
    }

    @EventHandler
    void on(CreditRemoved event) {
        insert(event.transactionId(), event.userId(), event.signedAmount(), null, null, null);
    }

    @EventHandler
    void on(TransactionCanceled event) {
        writes.updateOne("UPDATE ledger_entry SET canceled_by = ? WHERE transaction_id = ? AND canceled_by IS NULL",
                new Object[]{event.transactionId().value(), event.canceledTransactionId().value()},
                "transaction " + event.canceledTransactionId() + " is already canceled");
        insert(event.transactionId(), event.userId(), event.signedAmount(), event.category(), event.context(),
                event.canceledTransactionId());
    }

    @Override
    public Map<TransactionId, LedgerEntry> find(Collection<TransactionId> ids) {
        Map<TransactionId, LedgerEntry> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        List<Long> values = ids.stream().map(TransactionId::value).toList();
        named.query("SELECT transaction_id, user_id, signed_amount, category, context, reverses, canceled_by"
                        + " FROM ledger_entry WHERE transaction_id IN (:ids)",
                new MapSqlParameterSource("ids", values),
                row -> {
                    String category = row.getString("category");
                    LedgerEntry entry = new LedgerEntry(
                            TransactionId.of(row.getLong("transaction_id")),
                            UserId.of(row.getLong("user_id")),
                            Zephycoins.of(row.getBigDecimal("signed_amount")),
                            category == null ? null : ChargeCategory.parse(category),
                            readContext(row.getString("context")),
                            row.getObject("reverses") != null,
                            row.getObject("canceled_by") != null);
                    found.put(entry.id(), entry);
                });
        return found;
    }

    private void insert(TransactionId id, UserId userId, Zephycoins signedAmount, ChargeCategory category,
                        ChargeContext context, TransactionId reverses) {
        writes.update("INSERT INTO ledger_entry (transaction_id, user_id, signed_amount, category, context, reverses)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                id.value(), userId.value(), signedAmount.value(),
                category == null ? null : category.json(),
                writeContext(context),
                reverses == null ? null : reverses.value());
    }

    private String writeContext(ChargeContext context) {
        if (context == null || ChargeContext.NONE.equals(context)) {
            return null;
        }
        try {
            return json.writeValueAsString(context);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a charge context", e);
        }
    }

    private ChargeContext readContext(String text) {
        if (text == null) {
            return ChargeContext.NONE;
        }
        try {
            return json.readValue(text, ChargeContext.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable charge context in ledger_entry: " + text, e);
        }
    }
}
