package com.zephycloud.ledger.infra.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.lock.DeadlockException;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Sends commands from the HTTP API. Each command runs in one unit of work and one database
 * transaction, which also holds the command side's registers and the request log; the answer is
 * sent after that transaction committed, so an acknowledged command is stored. The aggregate lock
 * is held until the commit, so no other command builds on uncommitted state.
 * <p>
 * A repeated {@code request_id} with the same content gets the first answer without running
 * again; with other content it is refused.
 * <p>
 * The ledger's hot commands go {@link #onceGrouped grouped}: committed together with the
 * commands that arrive meanwhile ({@link GroupCommit}), answered the same way.
 */
@Component
public class Commands {

    private static final int ATTEMPTS = 5;

    private final CommandGateway gateway;
    private final GroupCommit groupCommit;
    private final RequestLog requestLog;
    private final ObjectMapper json;

    public Commands(CommandGateway gateway, GroupCommit groupCommit, RequestLog requestLog, ObjectMapper json) {
        this.gateway = gateway;
        this.groupCommit = groupCommit;
        this.requestLog = requestLog;
        this.json = json;
    }

    public <R> R send(Object command) {
        return sendWithRetry(command, MetaData.emptyInstance(), gateway::sendAndWait);
    }

    /**
     * Sends {@code command} once per {@code requestId} (null: no idempotency) and answers its
     * result, or the stored result of the earlier run with the same id and fingerprint. The
     * fingerprint (a digest of the request) is computed only for a request with an id.
     */
    public <R> R once(String requestId, Supplier<String> fingerprint, Class<R> resultType, Object command) {
        return once(requestId, fingerprint, resultType, command, gateway::sendAndWait);
    }

    /** {@link #once} in a transaction shared with the commands sent meanwhile ({@link GroupCommit}). */
    public <R> R onceGrouped(String requestId, Supplier<String> fingerprint, Class<R> resultType, Object command) {
        return once(requestId, fingerprint, resultType, command, groupCommit::send);
    }

    private <R> R once(String requestId, Supplier<String> fingerprintOfContent, Class<R> resultType, Object command,
                       Function<CommandMessage<?>, R> dispatch) {
        if (requestId == null) {
            return sendWithRetry(command, MetaData.emptyInstance(), dispatch);
        }
        String fingerprint = fingerprintOfContent.get();
        Optional<R> earlier = earlierResult(requestId, fingerprint, resultType);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try {
            return sendWithRetry(command, RequestLogInterceptor.metaData(requestId, fingerprint), dispatch);
        } catch (RuntimeException e) {
            if (causedBy(e, DuplicateKeyException.class)) {
                // a concurrent twin with the same request_id committed first; this one was rolled back
                return earlierResult(requestId, fingerprint, resultType).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    private <R> Optional<R> earlierResult(String requestId, String fingerprint, Class<R> resultType) {
        return requestLog.find(requestId).map(entry -> {
            if (!entry.fingerprint().equals(fingerprint)) {
                throw new RequestIdReused(requestId);
            }
            return read(entry.result(), resultType);
        });
    }

    /**
     * Retried from the start: a command whose aggregate another instance changed between load and
     * store, and one that Axon's lock factory chose to break a cycle of waits for aggregate locks
     * (a cancellation locks every account it touches, a group commit every account of its batch).
     * Either was rolled back entirely, so running it again applies it once. After {@link #ATTEMPTS}
     * such tries it is refused with 503 ({@link ConcurrentChanges}): seen by the fault harness, three
     * instances and the billing workers writing the same few accounts.
     */
    private <R> R sendWithRetry(Object command, MetaData metaData, Function<CommandMessage<?>, R> dispatch) {
        String actor = Actor.current();
        MetaData withActor = actor == null ? metaData : metaData.and(Actor.METADATA_KEY, actor);
        for (int attempt = 1; ; attempt++) {
            try {
                return dispatch.apply(GenericCommandMessage.asCommandMessage(command).andMetaData(withActor));
            } catch (RuntimeException e) {
                if (!(causedBy(e, ConcurrencyException.class) || causedBy(e, DeadlockException.class))) {
                    throw e;
                }
                if (attempt == ATTEMPTS) {
                    throw new ConcurrentChanges(ATTEMPTS, e);
                }
                pauseBeforeRetry(attempt);
            }
        }
    }

    /** A few random milliseconds, growing with the attempt, so that two contenders do not collide again at once. */
    private static void pauseBeforeRetry(int attempt) {
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 5 * attempt + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private <R> R read(String text, Class<R> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored answer in request_log: " + text, e);
        }
    }
}
