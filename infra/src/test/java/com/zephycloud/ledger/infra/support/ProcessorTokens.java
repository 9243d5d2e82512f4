package com.zephycloud.ledger.infra.support;

import com.zephycloud.ledger.infra.messaging.ProcessorPositions;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;

import static org.assertj.core.api.Assertions.assertThat;

/** What tests do to a processor's place in the stream: set it, and wait for it. */
public final class ProcessorTokens {

    private ProcessorTokens() {
    }

    /** Every segment of the stopped {@code processor} stored at {@code token}, its claim released. */
    public static void storeForEverySegment(TokenStore tokens, TransactionManager transactions, String processor,
                                            TrackingToken token) {
        transactions.executeInTransaction(() -> {
            for (int segment : tokens.fetchSegments(processor)) {
                tokens.storeToken(token, processor, segment);
                tokens.releaseClaim(processor, segment);
            }
        });
    }

    /**
     * Waits until this instance holds all of {@code processor}'s stream at {@code head} or past it;
     * fails once {@code deadlineMillis} (epoch milliseconds) has passed.
     */
    public static void awaitCaughtUp(StreamingEventProcessor processor, long head, long deadlineMillis)
            throws InterruptedException {
        while (!ProcessorPositions.holdsWholeStream(processor)
                || ProcessorPositions.lowestHeld(processor).orElse(-1) < head) {
            assertThat(System.currentTimeMillis()).as(processor.getName() + " catching up to " + head)
                    .isLessThan(deadlineMillis);
            Thread.sleep(20);
        }
    }
}
