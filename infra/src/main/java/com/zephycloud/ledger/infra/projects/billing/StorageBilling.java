package com.zephycloud.ledger.infra.projects.billing;

import com.zephycloud.ledger.command.ledger.TransactionIdGenerator;
import com.zephycloud.ledger.command.projects.StorageCharge;
import com.zephycloud.ledger.infra.messaging.Commands;
import com.zephycloud.ledger.infra.messaging.Queries;
import com.zephycloud.ledger.kernel.UserId;
import com.zephycloud.ledger.kernel.Zephycoins;
import com.zephycloud.ledger.query.projects.FindStorageUsage;
import com.zephycloud.ledger.query.projects.ListStorageUsers;
import com.zephycloud.ledger.query.projects.StorageUsage;
import com.zephycloud.ledger.query.projects.StorageUser;
import com.zephycloud.ledger.query.projects.StorageUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Charges storage for every complete UTC day not charged yet, user by user, in day order, at the
 * rule of {@link StorageCharge} (the command side's), to the users' accounts. Each
 * charge goes through the request log with the key {@code storage:<user>:<day>}, in the charge's
 * own transaction, so a day is charged once even if this runs twice, on two instances, or again
 * after a restart that lost the progress. A user who cannot pay (not enough credit, or deleted)
 * is left at the unpaid day: it is tried again at each run, and the later days wait behind it.
 */
public class StorageBilling {

    private static final Logger log = LoggerFactory.getLogger(StorageBilling.class);

    private final Commands commands;
    private final Queries queries;
    private final TransactionIdGenerator transactionIds;
    private final BilledDays billedDays;
    private final StoragePrices prices;

    public StorageBilling(Commands commands, Queries queries, TransactionIdGenerator transactionIds,
                          BilledDays billedDays, StoragePrices prices) {
        this.commands = commands;
        this.queries = queries;
        this.transactionIds = transactionIds;
        this.billedDays = billedDays;
        this.prices = prices;
    }

    /** Charges every day that ended at or before {@code now}. */
    public void billUpTo(Instant now) {
        LocalDate lastComplete = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(1);
        StorageUsers users = queries.ask(new ListStorageUsers(startOf(lastComplete.plusDays(1))), StorageUsers.class);
        for (StorageUser user : users.users()) {
            LocalDate first = billedDays.lastBilled(user.userId()).map(day -> day.plusDays(1))
                    .orElse(LocalDate.ofInstant(user.firstItemCreated(), ZoneOffset.UTC));
            for (LocalDate day = first; !day.isAfter(lastComplete); day = day.plusDays(1)) {
                if (!charge(user.userId(), day)) {
                    break;
                }
                billedDays.markBilled(user.userId(), day);
            }
        }
    }

    /** Charges one day; false when the user cannot pay it now. */
    private boolean charge(long userId, LocalDate day) {
        StorageUsage usage = queries.ask(new FindStorageUsage(userId, startOf(day), startOf(day.plusDays(1))),
                StorageUsage.class);
        StorageCharge charge = StorageCharge.of(day, usage.meshCount(), usage.calcCount(),
                prices.pricePerItemPerDay(startOf(day)));
        if (!charge.isDue()) {
            return true;
        }
        try {
            commands.once(requestKey(userId, day), () -> "storage-charge", Zephycoins.class,
                    charge.consumption(UserId.of(userId), transactionIds.next()));
            return true;
        } catch (IllegalStateException refused) {
            log.warn("storage of user {} on {} not charged, tried again at the next run: {}", userId, day,
                    refused.getMessage());
            return false;
        }
    }

    /** The request key that makes a day's charge happen once per (user, day), whatever retries or restarts. */
    private static String requestKey(long userId, LocalDate day) {
        return "storage:" + userId + ":" + day;
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
