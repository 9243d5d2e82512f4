package com.zephycloud.ledger.infra.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Records an idempotent command's answer in the request log inside the command's own unit of
 * work, hence its database transaction: the command and its log row commit together or not at
 * all, and a concurrent twin fails on the log's primary key and rolls back entirely.
 */
@Component
public class RequestLogInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final String REQUEST_ID = "requestId";
    private static final String FINGERPRINT = "requestFingerprint";

    private final RequestLog requestLog;
    private final ObjectMapper json;

    public RequestLogInterceptor(RequestLog requestLog, ObjectMapper json) {
        this.requestLog = requestLog;
        this.json = json;
    }

    public static MetaData metaData(String requestId, String fingerprint) {
        return MetaData.from(Map.of(REQUEST_ID, requestId, FINGERPRINT, fingerprint));
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        MetaData metaData = unitOfWork.getMessage().getMetaData();
        Object result = chain.proceed();
        Object requestId = metaData.get(REQUEST_ID);
        if (requestId != null) {
            requestLog.record(requestId.toString(), String.valueOf(metaData.get(FINGERPRINT)), write(result));
        }
        return result;
    }

    private String write(Object result) {
        try {
            return json.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store the answer of a request", e);
        }
    }
}
