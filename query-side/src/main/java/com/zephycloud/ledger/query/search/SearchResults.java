package com.zephycloud.ledger.query.search;

import java.util.List;

/** The answer of {@link Search}: the admin dashboard's search box reads both lists. */
public record SearchResults(List<UserMatch> users, List<ProjectMatch> projects) {

    public record UserMatch(long id, String login, String email, boolean deleted) {
    }

    public record ProjectMatch(String uid, long userId, boolean removed) {
    }
}
