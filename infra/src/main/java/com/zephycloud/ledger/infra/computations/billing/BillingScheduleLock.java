package com.zephycloud.ledger.infra.computations.billing;

import com.zephycloud.ledger.command.computations.PauseComputation;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Locks the billing schedule row of a job that is being paused, in the command's transaction and
 * before the job is loaded. The pause removes that row (and may charge the slices due meanwhile,
 * which moves it). A billing worker takes a row first and the job second; the pause must take
 * them in the same order, or each would hold what the other waits for. Taken first, the row
 * makes the pause wait until a worker charging this job has committed, and keeps the workers of
 * every instance off it until the pause commits.
 */
@Component
public class BillingScheduleLock implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final String LOCK = "SELECT job_id FROM billing_schedule WHERE job_id = ? FOR UPDATE";

    private final JdbcTemplate jdbc;

    public BillingScheduleLock(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        if (unitOfWork.getMessage().getPayload() instanceof PauseComputation pause) {
            jdbc.queryForList(LOCK, Long.class, pause.jobId().value());
        }
        return chain.proceed();
    }
}
