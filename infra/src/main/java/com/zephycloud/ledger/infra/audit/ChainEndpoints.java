package com.zephycloud.ledger.infra.audit;

import com.zephycloud.ledger.infra.http.ApiException;
import com.zephycloud.ledger.infra.http.ApiParams;
import com.zephycloud.ledger.infra.http.ApiResponse;
import com.zephycloud.ledger.infra.messaging.ProjectionCatchUp;
import com.zephycloud.ledger.jdbc.Micros;
import com.zephycloud.ledger.query.audit.Sha256;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;

import static org.springframework.web.bind.annotation.RequestMethod.GET;
import static org.springframework.web.bind.annotation.RequestMethod.POST;

/** The tamper-evident ledger (docs/ledger-chain.md): chain heads, checkpoints, inclusion proofs, verification. */
@RestController
@RequestMapping("/admin")
public class ChainEndpoints {

    private final ChainRows rows;
    private final LedgerCheckpoints checkpoints;
    private final ChainProofs proofs;
    private final ChainVerification verification;
    private final ProjectionCatchUp catchUp;
    private final Clock clock;

    public ChainEndpoints(ChainRows rows, LedgerCheckpoints checkpoints, ChainProofs proofs,
                          ChainVerification verification, ProjectionCatchUp catchUp, Clock clock) {
        this.rows = rows;
        this.checkpoints = checkpoints;
        this.proofs = proofs;
        this.verification = verification;
        this.catchUp = catchUp;
        this.clock = clock;
    }

    @RequestMapping(path = "/audit/chain_head", method = {GET, POST})
    public ApiResponse head(ApiParams params) {
        long userId = params.requiredId("user_id");
        Instant given = params.optionalEpochSeconds("date");
        params.done();
        Instant date = given == null ? clock.instant() : given;
        catchUp.await();
        if (!rows.userExists(userId)) {
            throw ApiException.notFound("no user with user_id " + userId);
        }
        ChainHead head = rows.headAt(userId, Micros.of(date))
                .map(link -> new ChainHead(userId, date.getEpochSecond(), link.link().sequence(),
                        link.link().transactionId(), link.link().occurredUs(), link.hash()))
                .orElse(new ChainHead(userId, date.getEpochSecond(), null, null, null, Sha256.ZERO));
        return ApiResponse.ok(head);
    }

    /** Makes a checkpoint of everything stored before the request (or answers the latest when nothing moved since). */
    @RequestMapping(path = "/audit/checkpoint", method = {GET, POST})
    public ApiResponse checkpoint(ApiParams params) {
        params.done();
        catchUp.await();
        return ApiResponse.ok(checkpoints.make());
    }

    @RequestMapping(path = "/audit/chain_proof", method = {GET, POST})
    public ApiResponse proof(ApiParams params) {
        long transactionId = params.requiredId("transaction_id");
        Long checkpointId = params.optionalId("checkpoint_id");
        params.done();
        return ApiResponse.ok(proofs.prove(transactionId, checkpointId));
    }

    @RequestMapping(path = "/audit/verify_chain", method = {GET, POST})
    public ApiResponse verify(ApiParams params) {
        long userId = params.requiredId("user_id");
        params.done();
        return ApiResponse.ok(verification.verify(userId)
                .orElseThrow(() -> ApiException.notFound("no user with user_id " + userId)));
    }
}
