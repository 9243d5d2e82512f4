package com.zephycloud.ledger.query.search;

/** Users and projects matching {@code term}, at most {@code limit} of each ({@link SearchQueries} says how). */
public record Search(String term, int limit) {
}
