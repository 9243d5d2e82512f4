package com.zephycloud.ledger.infra.api.reports;

import com.zephycloud.ledger.infra.api.ApiException;
import com.zephycloud.ledger.infra.api.ApiParams;
import com.zephycloud.ledger.infra.api.ApiResponse;
import com.zephycloud.ledger.infra.audit.BalanceReplay;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.web.bind.annotation.RequestMethod.GET;
import static org.springframework.web.bind.annotation.RequestMethod.POST;

/** For auditors (not in the reference): replay a balance from the event store. */
@RestController
@RequestMapping("/admin")
public class AuditEndpoints {

    private final BalanceReplay replay;

    public AuditEndpoints(BalanceReplay replay) {
        this.replay = replay;
    }

    @RequestMapping(path = "/audit/replay_balance", method = {GET, POST})
    public ApiResponse replayBalance(ApiParams params) {
        long userId = params.requiredId("user_id");
        params.done();
        return ApiResponse.ok(replay.replay(userId)
                .orElseThrow(() -> ApiException.notFound("no user with user_id " + userId)));
    }
}
