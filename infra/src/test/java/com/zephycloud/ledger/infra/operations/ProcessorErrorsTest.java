package com.zephycloud.ledger.infra.operations;

import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which failures of a processor's batches the health check goes on reporting. */
class ProcessorErrorsTest {

    private static final String PROCESSOR = "users";

    private final ProcessorErrors errors = new ProcessorErrors();
    private final List<?> failedEvents = List.of(new GenericTrackedDomainEventMessage<>(
            GapAwareTrackingToken.newInstance(10, Set.of()),
            new GenericDomainEventMessage<>("UserCreated", "user:1", 3, "payload")));

    @Test
    void aHandlerFailureIsReportedUntilItsSegmentGetsPastTheEvent() {
        IllegalStateException failure = new IllegalStateException("duplicate key");
        assertThatThrownBy(() -> errors.handleError(context(failure))).isSameAs(failure);

        ProcessorErrors.Failure current = errors.current(PROCESSOR, List.of(), Set.of());
        assertThat(current).isNotNull();
        assertThat(current.position()).isEqualTo(10);
        assertThat(current.aggregateId()).isEqualTo("user:1");
    }

    @Test
    void aBatchWhoseClaimAnotherInstanceTookIsNotAFailureOfTheReadModel() {
        Exception lost = new IllegalStateException("commit failed",
                new UnableToClaimTokenException("segment 2 of users is claimed by instance-1"));
        assertThatThrownBy(() -> errors.handleError(context(lost))).isSameAs(lost);

        assertThat(errors.current(PROCESSOR, List.of(), Set.of())).isNull();
    }

    @SuppressWarnings("unchecked")
    private ErrorContext context(Throwable error) {
        return new ErrorContext(PROCESSOR, error, (List) failedEvents);
    }
}
