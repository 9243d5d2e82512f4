package com.zephycloud.ledger.infra.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.zephycloud.ledger.infra.support.ApiTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static com.zephycloud.ledger.infra.support.ApiClient.params;
import static com.zephycloud.ledger.infra.support.ApiResult.decimal;
import static org.assertj.core.api.Assertions.assertThat;

class CreditApiTest extends ApiTest {

    private BigDecimal credit(long userId) {
        return decimal(admin().post("/admin/user/show/", params("user_id", userId, "include_deleted", true)).ok()
                .get("credit"));
    }

    private JsonNode transactions(long userId) {
        return admin().get("/admin/transactions/list/", params("user_id", userId, "order", "id ASC")).ok();
    }

    private List<Long> transactionIds(long userId) {
        List<Long> ids = new ArrayList<>();
        transactions(userId).forEach(t -> ids.add(t.get("id").asLong()));
        return ids;
    }

    @Test
    void addingCreditAnswersTheNewBalance() {
        long id = newUser(unique("payer"), "10");
        JsonNode balance = admin().post("/admin/user/credit/add/", params("user_id", id, "nbr_coins", "0.12345678",
                "reason", "gift")).ok();
        assertThat(decimal(balance)).isEqualByComparingTo("10.12345678");
        assertThat(credit(id)).isEqualByComparingTo("10.12345678");
    }

    @Test
    void consumingWritesANegativeTransactionWithItsDescription() {
        long id = newUser(unique("spender"), "10");
        assertThat(admin().post("/admin/user/consume/", params("user_id", id, "amount", "2.5",
                "description", "Analysis fixed cost", "details", "{\"job\": 3}")).ok().asText()).isEqualTo("ok");

        JsonNode list = transactions(id);
        assertThat(list).hasSize(2);
        JsonNode consumption = list.get(1);
        assertThat(decimal(consumption.get("amount"))).isEqualByComparingTo("-2.5");
        assertThat(consumption.get("description").asText()).isEqualTo("Analysis fixed cost");
        assertThat(consumption.get("login").asText()).startsWith("spender");
        assertThat(consumption.get("project_uid").isNull()).isTrue();
        assertThat(consumption.get("computing_start").isNull()).isTrue();
        assertThat(credit(id)).isEqualByComparingTo("7.5");
    }

    @Test
    void consumingMoreThanTheBalanceIsRefusedAndChangesNothing() {
        long id = newUser(unique("poor"), "1");
        assertThat(admin().post("/admin/user/consume/", params("user_id", id, "amount", "1.00000001",
                "description", "too much")).refused(409))
                .containsExactly("insufficient credit: the balance is 1 zephycoins, 1.00000001 were asked");
        assertThat(credit(id)).isEqualByComparingTo("1");
        assertThat(transactions(id)).hasSize(1);
    }

    @Test
    void consumeValidatesItsParameters() {
        long id = newUser(unique("strict"), "5");
        assertThat(admin().post("/admin/user/consume/", params("user_id", id, "amount", "-3", "description", "x",
                "details", "not json")).refused(400)).containsExactly(
                "amount: expected a positive number of zephycoins, got -3",
                "details: must be a JSON serialized string, like {\"job\": 12}");
        assertThat(admin().post("/admin/user/consume/", params("user_id", id, "amount", "0.000000001",
                "description", "x")).refused(400)).containsExactly("amount: has more than 8 decimals, zephycoins have 8");
        assertThat(admin().post("/admin/user/consume/", params("user_id", "seven", "amount", "1",
                "description", "x")).refused(400)).containsExactly("user_id: expected an integer, got 'seven'");
        assertThat(credit(id)).isEqualByComparingTo("5");
    }

    @Test
    void aDeletedUserCannotConsume() {
        long id = newUser(unique("leaver"), "5");
        admin().post("/admin/user/remove/", params("user_id", id)).ok();
        assertThat(admin().post("/admin/user/consume/", params("user_id", id, "amount", "1", "description", "x"))
                .refused(409)).containsExactly("user " + id + " is deleted: restore it first");
    }

    @Test
    void sameRequestIdAndContentIsAppliedOnceAndAnswersTheSame() {
        long id = newUser(unique("retrier"), "10");
        var request = params("user_id", id, "nbr_coins", "5", "reason", "top-up", "request_id", "top-up-" + id);
        BigDecimal first = decimal(admin().post("/admin/user/credit/add/", request).ok());
        BigDecimal second = decimal(admin().post("/admin/user/credit/add/", request).ok());
        assertThat(first).isEqualByComparingTo("15");
        assertThat(second).isEqualByComparingTo("15");
        assertThat(credit(id)).isEqualByComparingTo("15");

        var consume = params("user_id", id, "amount", "1", "description", "once", "request_id", "consume-" + id);
        admin().post("/admin/user/consume/", consume).ok();
        admin().post("/admin/user/consume/", consume).ok();
        assertThat(credit(id)).isEqualByComparingTo("14");
        assertThat(transactions(id)).hasSize(3);
    }

    @Test
    void sameRequestIdWithOtherContentIsRefused() {
        long id = newUser(unique("sneaky"), "10");
        admin().post("/admin/user/credit/add/", params("user_id", id, "nbr_coins", "5", "reason", "a",
                "request_id", "dup-" + id)).ok();
        assertThat(admin().post("/admin/user/credit/add/", params("user_id", id, "nbr_coins", "6", "reason", "a",
                "request_id", "dup-" + id)).refused(409).get(0)).contains("was already used for a request with other content");
        assertThat(credit(id)).isEqualByComparingTo("15");
    }

    @Test
    void cancelingReversesTheTransactionKeepingItsDescriptionAndProject() {
        long id = newUser(unique("refunded"), "10");
        admin().post("/admin/user/consume/", params("user_id", id, "amount", "4", "description", "calc")).ok();
        long charge = transactionIds(id).get(1);

        admin().post("/admin/transactions/cancel/", params("transaction_ids", List.of(charge), "reason", "billing error")).ok();

        JsonNode list = transactions(id);
        assertThat(list).hasSize(3);
        JsonNode reversal = list.get(2);
        assertThat(decimal(reversal.get("amount"))).isEqualByComparingTo("4");
        assertThat(reversal.get("description").asText()).isEqualTo("billing error");
        assertThat(reversal.get("cancels").asLong()).isEqualTo(charge);
        assertThat(list.get(1).get("canceled_by").asLong()).isEqualTo(reversal.get("id").asLong());
        assertThat(credit(id)).isEqualByComparingTo("10");
    }

    @Test
    void cancelingTwiceIsRefused() {
        long id = newUser(unique("twice"), "10");
        admin().post("/admin/user/consume/", params("user_id", id, "amount", "4", "description", "calc")).ok();
        long charge = transactionIds(id).get(1);
        admin().post("/admin/transactions/cancel/", params("transaction_ids", List.of(charge), "reason", "once")).ok();
        assertThat(admin().post("/admin/transactions/cancel/", params("transaction_ids", List.of(charge),
                "reason", "twice")).refused(409)).containsExactly("transaction " + charge + " is already canceled");
        long reversal = transactionIds(id).get(2);
        assertThat(admin().post("/admin/transactions/cancel/", params("transaction_ids", List.of(reversal),
                "reason", "undo")).refused(409).get(0)).contains("is itself a cancellation");
        assertThat(credit(id)).isEqualByComparingTo("10");
    }

    @Test
    void cancelIsAllOrNothingAcrossUsers() {
        long first = newUser(unique("alpha"), "10");
        long second = newUser(unique("beta"), "10");
        admin().post("/admin/user/consume/", params("user_id", first, "amount", "3", "description", "a")).ok();
        admin().post("/admin/user/consume/", params("user_id", second, "amount", "2", "description", "b")).ok();
        long chargeA = transactionIds(first).get(1);
        long chargeB = transactionIds(second).get(1);
        long creditB = transactionIds(second).get(0);

        // B's initial credit cannot be canceled (B spent part of it): nothing at all is canceled
        assertThat(admin().post("/admin/transactions/cancel/", params("transaction_ids", List.of(chargeA, creditB),
                "reason", "mixed")).refused(409).get(0)).contains("would take the balance");
        assertThat(credit(first)).isEqualByComparingTo("7");
        assertThat(transactions(first)).hasSize(2);

        admin().post("/admin/transactions/cancel/", params("transaction_ids", chargeA + "," + chargeB,
                "reason", "both")).ok();
        assertThat(credit(first)).isEqualByComparingTo("10");
        assertThat(credit(second)).isEqualByComparingTo("10");
    }

    @Test
    void cancelingAnUnknownTransactionIsA400() {
        assertThat(admin().post("/admin/transactions/cancel/", params("transaction_ids", List.of(987_654_321),
                "reason", "x")).refused(400)).containsExactly("no transaction with id 987654321");
        assertThat(admin().post("/admin/transactions/cancel/", params("transaction_ids", List.of(),
                "reason", "x")).refused(400)).containsExactly("transaction_ids: is empty, give at least one id");
    }

    @Test
    void transactionsFilterByDescriptionAndOrder() {
        long id = newUser(unique("sorted"), "100");
        for (String amount : List.of("3", "1", "2")) {
            admin().post("/admin/user/consume/", params("user_id", id, "amount", amount, "description", "slice")).ok();
        }
        var result = admin().get("/admin/transactions/list/", params("user_id", id, "description", "slice",
                "order", "amount DESC", "limit", 2));
        JsonNode list = result.ok();
        assertThat(result.total()).isEqualTo(3);
        assertThat(list).hasSize(2);
        assertThat(decimal(list.get(0).get("amount"))).isEqualByComparingTo("-1");
        assertThat(decimal(list.get(1).get("amount"))).isEqualByComparingTo("-2");
        assertThat(admin().get("/admin/transactions/list/", params("order", "amount SIDEWAYS")).refused(400))
                .containsExactly("order: direction 'SIDEWAYS' after 'amount' must be ASC or DESC");
        assertThat(admin().get("/admin/transactions/list/", params("order", "credit")).refused(400).get(0))
                .startsWith("order: cannot order by 'credit'; allowed fields: id, amount, date, job_id");
    }

    @Test
    void balanceHistoryShowsTheBalanceAfterEachTransactionAndBalanceAtADate() {
        long id = newUser(unique("audited"), "10");
        admin().post("/admin/user/consume/", params("user_id", id, "amount", "2", "description", "a")).ok();
        admin().post("/admin/user/credit/add/", params("user_id", id, "nbr_coins", "5", "reason", "b")).ok();

        var history = admin().get("/admin/user/balance_history/", params("user_id", id));
        JsonNode entries = history.ok();
        assertThat(history.total()).isEqualTo(3);
        assertThat(entries).extracting(e -> decimal(e.get("balance")).stripTrailingZeros().toPlainString())
                .containsExactly("10", "8", "13");

        JsonNode now = admin().get("/admin/user/balance/", params("user_id", id)).ok();
        assertThat(decimal(now.get("balance"))).isEqualByComparingTo("13");
        JsonNode before = admin().get("/admin/user/balance/", params("user_id", id, "date", 0)).ok();
        assertThat(decimal(before.get("balance"))).isEqualByComparingTo("0");
        assertThat(before.get("last_transaction_id").isNull()).isTrue();
        assertThat(admin().get("/admin/user/balance/", params("user_id", 999_999)).refused(404))
                .containsExactly("no user with user_id 999999");
    }
}
