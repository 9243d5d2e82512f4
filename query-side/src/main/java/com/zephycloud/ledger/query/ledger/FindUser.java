package com.zephycloud.ledger.query.ledger;

/** One user by exactly one of id, login or email. A deleted user is found only with {@code includeDeleted}. */
public record FindUser(Long userId, String login, String email, boolean includeDeleted) {
}
