package com.zephycloud.ledger.infra.projects;

import com.zephycloud.ledger.infra.projects.billing.StorageBilling;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static com.zephycloud.ledger.infra.support.ApiClient.params;
import static com.zephycloud.ledger.infra.support.ApiResult.decimal;
import static org.assertj.core.api.Assertions.assertThat;

/** The storage rule, with the clock moved day by day. Each test uses days of its own. */
class StorageBillingTest extends StorageContextTest {

    private static final AtomicLong JOBS = new AtomicLong(System.nanoTime() % 1_000_000_000L + 7_000_000_000L);

    @Autowired
    StorageBilling billing;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private void at(String instant) {
        clock.setNow(Instant.parse(instant));
    }

    private void bill() {
        billing.billUpTo(clock.instant());
    }

    /** The user's storage charges: amount, mesh_count, calc_count, description, in order. */
    private List<Map<String, Object>> storageCharges(long userId) {
        // reading through the API first makes the projections catch up with the charges
        admin().get("/admin/transactions/list/", params("user_id", userId)).ok();
        return jdbc.queryForList("SELECT amount, mesh_count, calc_count, description, project_uid"
                + " FROM ledger_transactions WHERE user_id = ? AND category = 'storage' ORDER BY occurred_us, id",
                userId);
    }

    private BigDecimal credit(long userId) {
        return decimal(admin().post("/admin/user/show/", params("user_id", userId)).ok().get("credit"));
    }

    private String projectWithItems(long userId, int meshes, int calculations) {
        ProjectFixtures platform = new ProjectFixtures(service());
        String uid = platform.project(userId);
        long meshId = 0;
        for (int i = 0; i < meshes; i++) {
            meshId = platform.mesh(uid, "M" + i);
        }
        for (int i = 0; i < calculations; i++) {
            platform.calculation(uid, JOBS.incrementAndGet(), meshId, "C" + i);
        }
        return uid;
    }

    @Test
    void eachDayIsChargedOnceForTheItemsAliveThatDay() {
        at("2031-03-10T12:00:00Z");
        long userId = newUser(unique("storer"), "100");
        String uid = projectWithItems(userId, 2, 1);
        long spare = new ProjectFixtures(service()).mesh(uid, "spare");
        bill();
        assertThat(storageCharges(userId)).as("the current day is not complete").isEmpty();

        at("2031-03-11T12:00:00Z");
        bill();
        List<Map<String, Object>> charges = storageCharges(userId);
        assertThat(charges).hasSize(1);
        assertThat((BigDecimal) charges.get(0).get("amount")).isEqualByComparingTo("-2");
        assertThat(charges.get(0).get("mesh_count")).isEqualTo(3);
        assertThat(charges.get(0).get("calc_count")).isEqualTo(1);
        assertThat(charges.get(0).get("description")).isEqualTo("Storage on 2031-03-10: 3 meshes, 1 calculations");
        assertThat(charges.get(0).get("project_uid")).isNull();

        // deleted during the 11th: still due for the 11th, not for the 12th
        service().post("/service/meshes/delete/", params("project_uid", uid, "mesh_id", spare)).ok();
        at("2031-03-13T12:00:00Z");
        bill();
        charges = storageCharges(userId);
        assertThat(charges).extracting(c -> ((BigDecimal) c.get("amount")).stripTrailingZeros().toPlainString())
                .containsExactly("-2", "-2", "-1.5");
        assertThat(charges.get(2).get("mesh_count")).isEqualTo(2);
        assertThat(credit(userId)).isEqualByComparingTo("94.5");

        bill();
        assertThat(storageCharges(userId)).as("a second run charges nothing more").hasSize(3);
    }

    @Test
    void aDayIsNeverChargedTwiceEvenWhenTheProgressIsLost() {
        at("2031-04-10T12:00:00Z");
        long userId = newUser(unique("twice"), "100");
        projectWithItems(userId, 1, 0);
        at("2031-04-12T12:00:00Z");
        bill();
        assertThat(storageCharges(userId)).hasSize(2);

        // as after a restart that lost the billed days: each (user, day) key is already used
        jdbc.update("DELETE FROM storage_billing WHERE user_id = ?", userId);
        bill();
        assertThat(storageCharges(userId)).hasSize(2);
        assertThat(credit(userId)).isEqualByComparingTo("99");
    }

    @Test
    void aUserWhoCannotPayIsChargedInDayOrderOnceCreditIsBack() {
        at("2031-05-10T12:00:00Z");
        long userId = newUser(unique("broke"), "0.6");
        projectWithItems(userId, 1, 1);
        at("2031-05-12T12:00:00Z");
        bill();
        assertThat(storageCharges(userId)).as("1 zephycoin a day, 0.6 available").isEmpty();
        assertThat(credit(userId)).isEqualByComparingTo("0.6");

        admin().post("/admin/user/credit/add/", params("user_id", userId, "nbr_coins", "10", "reason", "top up")).ok();
        bill();
        assertThat(storageCharges(userId)).extracting(c -> c.get("description")).containsExactly(
                "Storage on 2031-05-10: 1 meshes, 1 calculations", "Storage on 2031-05-11: 1 meshes, 1 calculations");
        assertThat(credit(userId)).isEqualByComparingTo("8.6");
    }

    @Test
    void aRemovedProjectIsChargedUpToTheDayOfItsRemoval() {
        at("2031-06-10T12:00:00Z");
        long userId = newUser(unique("leaver"), "100");
        String uid = projectWithItems(userId, 1, 1);
        at("2031-06-11T08:00:00Z");
        admin().post("/admin/projects/remove/", params("user_id", userId, "project_uid", uid)).ok();
        at("2031-06-15T12:00:00Z");
        bill();
        assertThat(storageCharges(userId)).extracting(c -> c.get("description")).containsExactly(
                "Storage on 2031-06-10: 1 meshes, 1 calculations", "Storage on 2031-06-11: 1 meshes, 1 calculations");
        assertThat(clock.instant()).isAfter(Instant.parse("2031-06-15T12:00:00Z").minus(Duration.ofMinutes(1)));
    }
}
