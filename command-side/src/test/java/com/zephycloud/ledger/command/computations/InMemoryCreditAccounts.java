package com.zephycloud.ledger.command.computations;

import com.zephycloud.ledger.command.ledger.ConsumeCredit;
import com.zephycloud.ledger.kernel.Rank;
import com.zephycloud.ledger.kernel.UserId;
import com.zephycloud.ledger.kernel.Zephycoins;
import org.axonframework.modelling.command.AggregateNotFoundException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Accounts held in memory for fixture tests; remembers every consumption it applied. */
final class InMemoryCreditAccounts implements CreditAccounts {

    private final Map<UserId, AccountStanding> accounts = new HashMap<>();
    final List<ConsumeCredit> consumed = new ArrayList<>();

    void open(UserId userId, Rank rank, String balance, boolean deleted) {
        accounts.put(userId, new AccountStanding(rank, Zephycoins.of(balance), deleted));
    }

    @Override
    public AccountStanding standing(UserId userId) {
        AccountStanding standing = accounts.get(userId);
        if (standing == null) {
            throw new AggregateNotFoundException(userId.toString(), "no such user");
        }
        return standing;
    }

    @Override
    public Zephycoins consume(ConsumeCredit consumption) {
        AccountStanding before = standing(consumption.userId());
        if (before.balance().isLessThan(consumption.amount())) {
            throw new IllegalStateException("insufficient credit");
        }
        Zephycoins after = before.balance().minus(consumption.amount());
        accounts.put(consumption.userId(), new AccountStanding(before.rank(), after, before.deleted()));
        consumed.add(consumption);
        return after;
    }

    Zephycoins balance(UserId userId) {
        return standing(userId).balance();
    }
}
