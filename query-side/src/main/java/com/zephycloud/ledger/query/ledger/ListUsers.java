package com.zephycloud.ledger.query.ledger;

import com.zephycloud.ledger.kernel.Rank;
import com.zephycloud.ledger.query.common.Paging;
import com.zephycloud.ledger.query.common.Sort;

/**
 * Users, optionally without deleted ones, of one rank, or matching {@code filter}: a number
 * matches the user id, text matches anywhere in the login.
 */
public record ListUsers(boolean includeDeleted, Rank rank, String filter, Sort sort, Paging paging) {
}
