package com.zephycloud.ledger.infra.audit;

import com.zephycloud.ledger.infra.http.ApiException;
import com.zephycloud.ledger.infra.http.ApiParams;
import com.zephycloud.ledger.infra.http.ApiResponse;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Set;

import static org.springframework.web.bind.annotation.RequestMethod.GET;
import static org.springframework.web.bind.annotation.RequestMethod.POST;

/** For auditors (not in the reference): replay a balance from the event store, rebuild projections. */
@RestController
@RequestMapping("/admin")
public class AuditEndpoints {

    private final BalanceReplay replay;
    private final ProjectionRebuild rebuild;

    public AuditEndpoints(BalanceReplay replay, ProjectionRebuild rebuild) {
        this.replay = replay;
        this.rebuild = rebuild;
    }

    @RequestMapping(path = "/audit/replay_balance", method = {GET, POST})
    public ApiResponse replayBalance(ApiParams params) {
        long userId = params.requiredId("user_id");
        params.done();
        return ApiResponse.ok(replay.replay(userId)
                .orElseThrow(() -> ApiException.notFound("no user with user_id " + userId)));
    }

    /**
     * Resets and replays one projection ({@code projection}) or all of them, in the background;
     * answers the status at once. Follow it with {@code audit/rebuild_status}.
     */
    @RequestMapping(path = "/audit/rebuild", method = {GET, POST})
    public ApiResponse rebuild(ApiParams params) {
        String projection = params.optionalText("projection");
        Set<String> known = rebuild.projections().keySet();
        if (projection != null && !known.contains(projection)) {
            params.reject("projection: '" + projection + "' is not a projection; allowed: " + String.join(", ", known)
                    + (rebuild.isRegister(projection)
                    ? " (" + projection + " is a register of the command side, never reset)" : ""));
        }
        params.done();
        return ApiResponse.ok(rebuild.start(projection == null ? List.copyOf(known) : List.of(projection)));
    }

    @RequestMapping(path = "/audit/rebuild_status", method = {GET, POST})
    public ApiResponse rebuildStatus(ApiParams params) {
        params.done();
        return ApiResponse.ok(rebuild.status());
    }
}
