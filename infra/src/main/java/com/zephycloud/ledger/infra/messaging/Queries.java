package com.zephycloud.ledger.infra.messaging;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Asks the query side, after the projections caught up with the writes that came before. */
@Component
public class Queries {

    private final QueryGateway gateway;
    private final ProjectionCatchUp catchUp;

    public Queries(QueryGateway gateway, ProjectionCatchUp catchUp) {
        this.gateway = gateway;
        this.catchUp = catchUp;
    }

    public <R> R ask(Object query, Class<R> resultType) {
        catchUp.await();
        return gateway.query(query, ResponseTypes.instanceOf(resultType)).join();
    }

    public <R> Optional<R> find(Object query, Class<R> resultType) {
        catchUp.await();
        return gateway.query(query, ResponseTypes.optionalInstanceOf(resultType)).join();
    }
}
