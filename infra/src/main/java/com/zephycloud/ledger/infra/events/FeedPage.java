package com.zephycloud.ledger.infra.events;

import java.util.List;

/**
 * The events found, in position order, and the position to ask from next: past every event read
 * so far, including the ones a filter left out. It never passes a position whose event may still
 * become visible (see {@link GapRule}).
 */
public record FeedPage(List<PublishedEvent> events, long next) {
}
