package com.zephycloud.ledger.query.audit;

import com.zephycloud.ledger.jdbc.Micros;
import com.zephycloud.ledger.kernel.Zephycoins;
import com.zephycloud.ledger.kernel.events.ledger.CreditAdded;
import com.zephycloud.ledger.kernel.events.ledger.CreditConsumed;
import com.zephycloud.ledger.kernel.events.ledger.CreditRemoved;
import com.zephycloud.ledger.kernel.events.ledger.LedgerEntryRecorded;
import com.zephycloud.ledger.kernel.events.ledger.TransactionCanceled;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One transaction of a user's hash chain, in the canonical encoding of docs/ledger-chain.md:
 * the line {@code zl1|user|sequence|transaction|type|amount|balance|time_us|sha256(description)|previous}
 * and its SHA-256. Amounts are plain decimals without trailing zeros ({@code 0} for zero), so
 * that an auditor rebuilds the line from the JSON answer with nothing but string joins.
 */
public record ChainLink(long userId, long sequence, long transactionId, String eventType, BigDecimal amount,
                        BigDecimal balanceAfter, long occurredUs, String descriptionSha256, String previousHash) {

    public static final String VERSION = "zl1";

    /** The link of {@code entry}, stored at {@code sequence} and {@code at}, after {@code previousHash}. */
    public static ChainLink of(LedgerEntryRecorded entry, long sequence, Instant at, String previousHash) {
        return new ChainLink(entry.userId().value(), sequence, entry.transactionId().value(),
                entry.getClass().getSimpleName(), entry.signedAmount().value(), entry.balanceAfter().value(),
                Micros.of(at), Sha256.hex(descriptionOf(entry)), previousHash);
    }

    /** The text a transaction shows: a credit's or a cancellation's reason, a consumption's description. */
    public static String descriptionOf(LedgerEntryRecorded entry) {
        String text;
        if (entry instanceof CreditAdded e) {
            text = e.reason();
        } else if (entry instanceof CreditConsumed e) {
            text = e.description();
        } else if (entry instanceof CreditRemoved e) {
            text = e.reason();
        } else if (entry instanceof TransactionCanceled e) {
            text = e.reason();
        } else {
            throw new IllegalArgumentException("a ledger entry the chain does not know: " + entry.getClass().getName());
        }
        return text == null ? "" : text;
    }

    /** A decimal as the line writes it. */
    public static String plain(BigDecimal value) {
        return Zephycoins.of(value).toString();
    }

    public String line() {
        return String.join("|", VERSION, Long.toString(userId), Long.toString(sequence), Long.toString(transactionId),
                eventType, plain(amount), plain(balanceAfter), Long.toString(occurredUs), descriptionSha256,
                previousHash);
    }

    public String hash() {
        return Sha256.hex(line());
    }
}
