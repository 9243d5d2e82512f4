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
 * The users' accounts seen from a computation's command handler, inside its unit of work. The
 * standing is read from the account loaded into that unit of work (and locked until it ends); a
 * charge is a {@link ConsumeCredit} command, which the command bus runs nested in the same unit
 * of work, hence the same database transaction: it commits or rolls back with the computation's
 * own events, and the account's rules (active user, sufficient credit, the monthly spend limit)
 * decide it as for any other consumption. Nothing here is asynchronous: a computation learns at once whether its slice was
 * paid, and kills itself at the slice's start if not.
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
                .invoke(account -> new AccountStanding(account.rank(), account.balance(), account.isDeleted(),
                        account.limits().monthlySpendLimit(), account.spentThisMonth()));
    }

    @Override
    public Zephycoins consume(ConsumeCredit consumption) {
        return axon.getObject().commandGateway().sendAndWait(consumption);
    }

    /** Looked up on first use: the repository exists only once Axon's configuration is built. */
    private Repository<UserAccount> repository() {
        if (accounts == null) {
            accounts = axon.getObject().repository(UserAccount.class);
        }
        return accounts;
    }
}
