package com.zephycloud.ledger.infra.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zephycloud.ledger.infra.persistence.RequestLog;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Sends commands from the HTTP API. Each runs in one database transaction that also holds the
 * command side's registers and, with a {@code request_id}, the request log: the answer is sent
 * only after that transaction committed, so an acknowledged command is stored. A repeated
 * {@code request_id} with the same content gets the first answer without running again; with
 * other content it is refused.
 */
@Component
public class Commands {

    private static final int ATTEMPTS = 3;

    private final CommandGateway gateway;
    private final TransactionTemplate transactions;
    private final RequestLog requestLog;
    private final ObjectMapper json;

    public Commands(CommandGateway gateway, TransactionTemplate transactions, RequestLog requestLog,
                    ObjectMapper json) {
        this.gateway = gateway;
        this.transactions = transactions;
        this.requestLog = requestLog;
        this.json = json;
    }

    public <R> R send(Object command) {
        return inTransaction(() -> gateway.sendAndWait(command));
    }

    /**
     * Runs {@code action} once per {@code requestId} (null: no idempotency) and answers its result,
     * or the stored result of the earlier run with the same id and fingerprint.
     */
    public <R> R once(String requestId, String fingerprint, Class<R> resultType, Supplier<R> action) {
        if (requestId == null) {
            return inTransaction(action);
        }
        Optional<R> earlier = earlierResult(requestId, fingerprint, resultType);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try {
            return inTransaction(() -> {
                R result = action.get();
                requestLog.record(requestId, fingerprint, write(result));
                return result;
            });
        } catch (DuplicateKeyException concurrentTwin) {
            return earlierResult(requestId, fingerprint, resultType).orElseThrow(() -> concurrentTwin);
        }
    }

    private <R> Optional<R> earlierResult(String requestId, String fingerprint, Class<R> resultType) {
        return requestLog.find(requestId).map(entry -> {
            if (!entry.fingerprint().equals(fingerprint)) {
                throw new ApiException(HttpStatus.CONFLICT, "request_id '" + requestId
                        + "' was already used for a request with other content; use a new request_id");
            }
            return read(entry.result(), resultType);
        });
    }

    /** An aggregate changed by another instance between load and store is retried from the start. */
    private <R> R inTransaction(Supplier<R> action) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> action.get());
            } catch (ConcurrencyException conflict) {
                if (attempt == ATTEMPTS) {
                    throw conflict;
                }
            }
        }
    }

    private String write(Object result) {
        try {
            return json.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store the answer of a request", e);
        }
    }

    private <R> R read(String text, Class<R> type) {
        try {
            JavaType javaType = json.getTypeFactory().constructType(type);
            return json.readValue(text, javaType);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored answer in request_log: " + text, e);
        }
    }
}
