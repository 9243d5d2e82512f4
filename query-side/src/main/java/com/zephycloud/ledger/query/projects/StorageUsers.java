package com.zephycloud.ledger.query.projects;

import java.util.List;

public record StorageUsers(List<StorageUser> users) {
}
