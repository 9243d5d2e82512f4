package com.zephycloud.ledger.infra.http;

import com.zephycloud.ledger.infra.messaging.ShuttingDown;
import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

class ApiExceptionHandlerTest {

    private final ApiExceptionHandler handler = new ApiExceptionHandler();

    @Test
    void aCommandRefusedByAStoppingServerIsA503ThatSaysToSendItAgain() {
        ResponseEntity<ApiResponse> answer = handler.failure(
                new CommandExecutionException("refused", new ShuttingDown()));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getBody().success()).isZero();
        assertThat(answer.getBody().errorMsgs()).singleElement().asString()
                .contains("shutting down").contains("send it again");
    }

    @Test
    void aRuleThatRefusesNowIsA409AndABadArgumentA400() {
        assertThat(handler.failure(new IllegalStateException("insufficient credit")).getStatusCode().value())
                .isEqualTo(409);
        assertThat(handler.failure(new IllegalArgumentException("amount must be positive")).getStatusCode().value())
                .isEqualTo(400);
    }
}
