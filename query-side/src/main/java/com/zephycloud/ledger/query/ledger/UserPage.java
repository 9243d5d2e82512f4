package com.zephycloud.ledger.query.ledger;

import com.zephycloud.ledger.query.common.Page;

import java.util.List;

public record UserPage(List<UserView> items, long total) implements Page<UserView> {
}
