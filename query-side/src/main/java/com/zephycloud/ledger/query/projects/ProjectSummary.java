package com.zephycloud.ledger.query.projects;

/** One line of {@code projects/list}; {@code createDate} in UTC epoch seconds. */
public record ProjectSummary(String login, String email, long userId, String projectUid, String status,
                             String storage, long createDate) {
}
