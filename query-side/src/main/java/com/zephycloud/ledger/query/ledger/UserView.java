package com.zephycloud.ledger.query.ledger;

import java.math.BigDecimal;

/** A user as {@code users} and {@code user/show} show it; {@code credit} is the balance. */
public record UserView(long id, String login, String email, String rank, BigDecimal credit, boolean deleted) {
}
