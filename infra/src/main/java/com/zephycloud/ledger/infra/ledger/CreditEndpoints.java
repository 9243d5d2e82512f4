package com.zephycloud.ledger.infra.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zephycloud.ledger.command.ledger.AddCredit;
import com.zephycloud.ledger.command.ledger.CancelTransactions;
import com.zephycloud.ledger.command.ledger.ConsumeCredit;
import com.zephycloud.ledger.command.ledger.RemoveCredit;
import com.zephycloud.ledger.infra.http.ApiParams;
import com.zephycloud.ledger.infra.http.ApiResponse;
import com.zephycloud.ledger.infra.messaging.Commands;
import com.zephycloud.ledger.infra.messaging.Queries;
import com.zephycloud.ledger.kernel.ChargeCategory;
import com.zephycloud.ledger.kernel.ChargeContext;
import com.zephycloud.ledger.kernel.TransactionId;
import com.zephycloud.ledger.kernel.UserId;
import com.zephycloud.ledger.kernel.Zephycoins;
import com.zephycloud.ledger.query.ledger.LedgerQueries;
import com.zephycloud.ledger.query.ledger.ListTransactions;
import com.zephycloud.ledger.query.ledger.TransactionPage;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

import static org.springframework.web.bind.annotation.RequestMethod.GET;
import static org.springframework.web.bind.annotation.RequestMethod.POST;

/** Admin API: credit added and consumed, and the "Transactions" section. */
@RestController
@RequestMapping("/admin")
public class CreditEndpoints {

    private final Commands commands;
    private final Queries queries;
    private final SequenceIdAllocator ids;
    private final ObjectMapper json;

    public CreditEndpoints(Commands commands, Queries queries, SequenceIdAllocator ids, ObjectMapper json) {
        this.commands = commands;
        this.queries = queries;
        this.ids = ids;
        this.json = json;
    }

    /**
     * Answers the balance after the credit. A negative {@code nbr_coins} takes credit back (the
     * admin dashboard's "credits removed"): a transaction of its own, refused if the balance would
     * go below zero.
     */
    @RequestMapping(path = "/user/credit/add", method = {GET, POST})
    public ApiResponse addCredit(ApiParams params) {
        long userId = params.requiredId("user_id");
        Zephycoins amount = params.requiredNonZeroCoins("nbr_coins");
        String reason = params.requiredText("reason");
        String requestId = params.requestId();
        params.done();
        Object command = amount.isPositive() ? new AddCredit(UserId.of(userId), ids.next(), amount, reason)
                : new RemoveCredit(UserId.of(userId), ids.next(), amount.negate(), reason);
        Zephycoins balance = commands.onceGrouped(requestId, () -> params.fingerprint("user/credit/add"),
                Zephycoins.class, command);
        return ApiResponse.ok(balance.value());
    }

    @RequestMapping(path = "/user/consume", method = {GET, POST})
    public ApiResponse consume(ApiParams params) {
        long userId = params.requiredId("user_id");
        Zephycoins amount = params.requiredPositiveCoins("amount");
        String description = params.requiredText("description");
        String details = params.optionalText("details");
        String requestId = params.requestId();
        if (details != null && !isJson(details)) {
            params.reject("details: must be a JSON serialized string, like {\"job\": 12}");
        }
        params.done();
        commands.onceGrouped(requestId, () -> params.fingerprint("user/consume"), Zephycoins.class,
                new ConsumeCredit(UserId.of(userId), ids.next(), amount, description, details, ChargeCategory.MANUAL,
                        ChargeContext.NONE));
        return ApiResponse.ok();
    }

    @RequestMapping(path = "/transactions/list", method = {GET, POST})
    public ApiResponse list(ApiParams params) {
        ListTransactions query = new ListTransactions(params.optionalId("user_id"), params.optionalText("project_uid"),
                params.optionalId("job_id"), params.optionalText("description"), params.order(LedgerQueries.ORDER),
                params.paging());
        params.done();
        return ApiResponse.page(queries.ask(query, TransactionPage.class));
    }

    @RequestMapping(path = "/transactions/cancel", method = {GET, POST})
    public ApiResponse cancel(ApiParams params) {
        List<TransactionId> transactionIds = params.requiredIdList("transaction_ids").stream()
                .map(TransactionId::of).toList();
        String reason = params.requiredText("reason");
        String requestId = params.requestId();
        params.done();
        commands.once(requestId, () -> params.fingerprint("transactions/cancel"), List.class,
                new CancelTransactions(transactionIds, reason));
        return ApiResponse.ok();
    }

    private boolean isJson(String text) {
        try {
            json.readTree(text);
            return true;
        } catch (JsonProcessingException e) {
            return false;
        }
    }
}
