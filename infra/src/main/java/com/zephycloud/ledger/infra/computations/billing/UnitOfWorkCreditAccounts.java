package com.zephycloud.ledger.infra.computations.billing;

import com.zephycloud.ledger.command.computations.AccountStanding;
import com.zephycloud.ledger.command.computations.CreditAccounts;
import com.zephycloud.ledger.command.ledger.ConsumeCredit;
import com.zephycloud.ledger.command.ledger.UserAccount;
import com.zephycloud.ledger.kernel.UserId;
import com.zephycloud.ledger.kernel.Zephycoins;
import org.axonframework.config.Configuration;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The users' accounts seen from a computation's command handler: each is loaded from its
 * repository into the current unit of work, so a charge made here commits or rolls back with the
 * computation's own events. The account's rules (active user, sufficient credit) still apply.
 */
@Component
public class UnitOfWorkCreditAccounts implements CreditAccounts {

    private final ObjectProvider<Configuration> axon;
    private volatile Repository<UserAccount> accounts;

    public UnitOfWorkCreditAccounts(ObjectProvider<Configuration> axon) {
        this.axon = axon;
    }

    @Override
    public AccountStanding standing(UserId userId) {
        return repository().load(userId.toString())
                .invoke(account -> new AccountStanding(account.rank(), account.balance(), account.isDeleted()));
    }

    @Override
    public Zephycoins consume(ConsumeCredit consumption) {
        return repository().load(consumption.userId().toString()).invoke(account -> account.handle(consumption));
    }

    /** Looked up on first use: the repository exists only once Axon's configuration is built. */
    private Repository<UserAccount> repository() {
        if (accounts == null) {
            accounts = axon.getObject().repository(UserAccount.class);
        }
        return accounts;
    }
}
