package com.zephycloud.ledger.infra.messaging;

import com.zephycloud.ledger.infra.support.ApiClient;
import com.zephycloud.ledger.infra.support.ServerInstance;
import com.zephycloud.ledger.infra.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.zephycloud.ledger.infra.support.ApiClient.params;
import static com.zephycloud.ledger.infra.support.ApiResult.decimal;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one database, each with its own cache of aggregates: a command decided on one
 * instance after the other changed the aggregate sees that change, whether it would be accepted or
 * refused. Without the check of each cached copy against the store ({@link StoreCheckedCache}),
 * the instance holding an older copy refuses: the credit added elsewhere is not there, the job
 * started elsewhere is still launching.
 */
class StaleCopiesAcrossInstancesTest {

    private static ServerInstance a;
    private static ServerInstance b;

    @BeforeAll
    static void startTwoInstances() {
        String database = TestDatabase.newUrl("stale_");
        a = ServerInstance.start(database, "zephy.catalog.demo-data=false");
        b = ServerInstance.start(database, "zephy.catalog.demo-data=false");
        ApiClient admin = a.admin();
        admin.post("/admin/providers/create/", params("provider_name", "stale_cloud", "location", "eu",
                "type", "aws", "provider_specific", Map.of("region", "eu-west-1"))).ok();
        admin.post("/admin/machines/create/", Map.ofEntries(Map.entry("provider_name", "stale_cloud"),
                Map.entry("machine_name", "s1"), Map.entry("cores", 2), Map.entry("ram", 4294967296L),
                Map.entry("availability", 100),
                Map.entry("prices", Map.of("root", 0.36, "gold", 0.72, "silver", 1.08, "bronze", 1.44)),
                Map.entry("price_sec_granularity", 300), Map.entry("price_min_sec_granularity", 300),
                Map.entry("cost_per_hour", 0.05), Map.entry("cost_currency", "dollar"),
                Map.entry("cost_sec_granularity", 1), Map.entry("cost_min_sec_granularity", 1),
                Map.entry("auto_update", false))).ok();
        admin.post("/admin/toolchains/create/", params("toolchain_name", "stale_calc", "fixed_price", 0.05,
                "machine_limit", 4, "machines", Map.of("stale_cloud", List.of("s1")))).ok();
    }

    @AfterAll
    static void stop() {
        ServerInstance.closeAll(b, a);
    }

    @Test
    void aConsumptionSeesTheCreditAddedOnTheOtherInstance() {
        long user = newUser("staleledger", "1");
        a.admin().post("/admin/user/consume/", params("user_id", user, "amount", "0.5", "description", "first"))
                .ok(); // a now holds the account with 0.5 left
        b.admin().post("/admin/user/credit/add/", params("user_id", user, "nbr_coins", "10", "reason", "top up"))
                .ok();

        a.admin().post("/admin/user/consume/", params("user_id", user, "amount", "5",
                "description", "after the top up elsewhere")).ok();

        assertThat(decimal(a.admin().post("/admin/user/show/", params("user_id", user)).ok().get("credit"))).as("balance after the consumption on the instance with the older copy")
                .isEqualByComparingTo("5.5");
    }

    @Test
    void aJobStartedOnTheOtherInstanceCanBeFinished() {
        long user = newUser("stalejobs", "100");
        long job = a.service().post("/service/computations/submit/", params("user_id", user, "project_uid",
                "stale-project", "toolchain_name", "stale_calc", "provider_name", "stale_cloud",
                "machine_name", "s1")).ok().get("job_id").asLong();
        a.service().post("/service/computations/launching/", params("job_id", job)).ok(); // a holds it launching
        b.service().post("/service/computations/start/", params("job_id", job)).ok();

        a.service().post("/service/computations/finish/", params("job_id", job)).ok();

        assertThat(b.service().post("/service/computations/cancel/", params("job_id", job)).refused(409))
                .as("a finished job cannot be canceled, on either instance")
                .anySatisfy(message -> assertThat(message).contains("finished"));
    }

    private static long newUser(String login, String coins) {
        return a.admin().post("/admin/user/new/", params("login", login, "email", login + "@example.com",
                "pwd", "secret-password", "rank", "gold", "nbr_coins", coins)).ok().asLong();
    }
}
