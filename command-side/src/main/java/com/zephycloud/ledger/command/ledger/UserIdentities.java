package com.zephycloud.ledger.command.ledger;

import com.zephycloud.ledger.kernel.UserId;

/**
 * Port: the set of logins and emails in use. Uniqueness is a rule over all users, so it cannot
 * live in one aggregate; it is enforced by a table with unique keys, written in the same database
 * transaction as {@code UserRegistered}. A deleted user keeps its login and email (so that it can
 * be restored and its history stays unambiguous).
 */
public interface UserIdentities {

    /**
     * Reserves {@code login} and {@code email} (compared case-insensitively) for {@code userId}.
     *
     * @throws IllegalStateException when either is already taken
     */
    void claim(UserId userId, String login, String email);
}
