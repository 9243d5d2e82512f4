package com.zephycloud.ledger.infra.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.zephycloud.ledger.infra.support.ApiClient;
import com.zephycloud.ledger.infra.support.ApiTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static com.zephycloud.ledger.infra.support.ApiClient.params;
import static com.zephycloud.ledger.infra.support.ApiResult.decimal;
import static org.assertj.core.api.Assertions.assertThat;

class UserApiTest extends ApiTest {

    @Test
    void newUserIsShownWithItsInitialCredit() {
        String login = unique("marcel");
        long id = newUser(login, "127.12");

        JsonNode user = admin().post("/admin/user/show/", params("user_id", id)).ok();

        assertThat(user.get("id").asLong()).isEqualTo(id);
        assertThat(user.get("login").asText()).isEqualTo(login);
        assertThat(user.get("email").asText()).isEqualTo(login + "@example.com");
        assertThat(user.get("rank").asText()).isEqualTo("gold");
        assertThat(decimal(user.get("credit"))).isEqualByComparingTo("127.12");
        assertThat(user.get("deleted").asBoolean()).isFalse();
    }

    @Test
    void showFindsAUserByLoginOrEmail() {
        String login = unique("jean.dupont");
        long id = newUser(login, "0");
        assertThat(admin().post("/admin/user/show/", params("login", login)).ok().get("id").asLong()).isEqualTo(id);
        assertThat(admin().post("/admin/user/show/", params("email", login.toUpperCase() + "@EXAMPLE.COM")).ok()
                .get("id").asLong()).isEqualTo(id);
    }

    @Test
    void showNeedsExactlyOneKey() {
        assertThat(admin().post("/admin/user/show/", params()).refused(400))
                .containsExactly("give exactly one of user_id, login or email");
        assertThat(admin().post("/admin/user/show/", params("user_id", 1, "login", "x")).refused(400))
                .containsExactly("give exactly one of user_id, login or email");
    }

    @Test
    void showOfAnUnknownUserIsA404() {
        assertThat(admin().post("/admin/user/show/", params("user_id", 999_999)).refused(404))
                .containsExactly("no user with user_id 999999");
    }

    @Test
    void aDeletedUserIsShownOnlyWithIncludeDeletedAndCanBeRestored() {
        long id = newUser(unique("robert"), "5");
        assertThat(admin().post("/admin/user/remove/", params("user_id", id)).ok().asText()).isEqualTo("Ok");

        assertThat(admin().post("/admin/user/show/", params("user_id", id)).refused(404).get(0))
                .contains("is deleted; pass include_deleted=true");
        JsonNode deleted = admin().post("/admin/user/show/", params("user_id", id, "include_deleted", true)).ok();
        assertThat(deleted.get("deleted").asBoolean()).isTrue();
        assertThat(decimal(deleted.get("credit"))).isEqualByComparingTo("5");

        admin().post("/admin/user/restore/", params("user_id", id)).ok();
        assertThat(admin().post("/admin/user/show/", params("user_id", id)).ok().get("deleted").asBoolean()).isFalse();
    }

    @Test
    void removingADeletedUserIsAConflict() {
        long id = newUser(unique("gone"), "0");
        admin().post("/admin/user/remove/", params("user_id", id)).ok();
        assertThat(admin().post("/admin/user/remove/", params("user_id", id)).refused(409))
                .containsExactly("user " + id + " is already deleted");
    }

    @Test
    void aTakenLoginOrEmailIsRefusedAndNothingIsCreated() {
        String login = unique("twin");
        newUser(login, "0");
        long before = admin().get("/admin/users/", params()).total();

        assertThat(admin().post("/admin/user/new/", params("login", login, "email", "other@example.com",
                "pwd", "pw", "rank", "gold")).refused(409)).containsExactly("login '" + login + "' is already taken");
        assertThat(admin().post("/admin/user/new/", params("login", unique("other"), "email", login + "@example.com",
                "pwd", "pw", "rank", "gold")).refused(409))
                .containsExactly("email '" + login + "@example.com' is already taken");
        assertThat(admin().get("/admin/users/", params()).total()).isEqualTo(before);
    }

    @Test
    void loginAndEmailAvailability() {
        String login = unique("taken");
        newUser(login, "0");
        assertThat(admin().post("/admin/user/login_available/", params("login", login)).ok().asBoolean()).isFalse();
        assertThat(admin().post("/admin/user/login_available/", params("login", unique("free"))).ok().asBoolean()).isTrue();
        assertThat(admin().post("/admin/user/email_available/", params("email", login + "@example.com")).ok().asBoolean())
                .isFalse();
        assertThat(admin().post("/admin/user/email_available/", params("email", "nobody-" + login + "@example.com")).ok()
                .asBoolean()).isTrue();
    }

    @Test
    void aDeletedUsersLoginStaysTaken() {
        String login = unique("ghost");
        long id = newUser(login, "0");
        admin().post("/admin/user/remove/", params("user_id", id)).ok();
        assertThat(admin().post("/admin/user/login_available/", params("login", login)).ok().asBoolean()).isFalse();
    }

    @Test
    void newUserValidatesEveryParameterAtOnce() {
        var refused = admin().post("/admin/user/new/", params("login", "Bad Login", "email", "nope",
                "rank", "platinum", "nbr_coins", "-1")).refused(400);
        assertThat(refused).contains("pwd: is required, expected a non-empty string",
                "rank: unknown rank 'platinum', expected one of: root, gold, silver, bronze",
                "nbr_coins: must be zero or more, got -1");
    }

    @Test
    void aLoginOutsideTheFormatIsA400() {
        assertThat(admin().post("/admin/user/new/", params("login", "Bad1", "email", "bad@example.com",
                "pwd", "pw", "rank", "gold")).refused(400).get(0)).startsWith("login 'Bad1' is not valid");
    }

    @Test
    void listFiltersByRankLoginAndId() {
        String login = unique("filtered");
        long id = newUser(login, "3");
        admin().post("/admin/user/change_rank/", params("user_id", id, "rank", "bronze")).ok();

        JsonNode byLogin = admin().get("/admin/users/", params("filter", login)).ok();
        assertThat(byLogin).hasSize(1);
        assertThat(byLogin.get(0).get("rank").asText()).isEqualTo("bronze");
        assertThat(admin().get("/admin/users/", params("filter", id)).ok().get(0).get("login").asText()).isEqualTo(login);
        var bronze = admin().get("/admin/users/", params("rank", "bronze"));
        bronze.ok().forEach(user -> assertThat(user.get("rank").asText()).isEqualTo("bronze"));
        assertThat(bronze.total()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void listPagesWithTotalAndOrders() {
        for (int i = 0; i < 3; i++) {
            newUser(unique("pager"), String.valueOf(i + 1));
        }
        var all = admin().get("/admin/users/", params("filter", "pager", "order", "credit DESC, login ASC"));
        JsonNode users = all.ok();
        assertThat(all.total()).isEqualTo(users.size()).isGreaterThanOrEqualTo(3);
        for (int i = 1; i < users.size(); i++) {
            assertThat(decimal(users.get(i - 1).get("credit"))).isGreaterThanOrEqualTo(decimal(users.get(i).get("credit")));
        }
        var page = admin().get("/admin/users/", params("filter", "pager", "order", "credit DESC, login ASC",
                "limit", 1, "offset", 1));
        assertThat(page.ok()).hasSize(1);
        assertThat(page.total()).isEqualTo(all.total());
        assertThat(page.ok().get(0)).isEqualTo(users.get(1));
    }

    @Test
    void listWithoutDeletedUsers() {
        long id = newUser(unique("hidden"), "0");
        admin().post("/admin/user/remove/", params("user_id", id)).ok();
        admin().get("/admin/users/", params("include_deleted", false)).ok()
                .forEach(user -> assertThat(user.get("deleted").asBoolean()).isFalse());
        assertThat(admin().get("/admin/users/", params("filter", id)).ok()).hasSize(1);
    }

    @Test
    void resetPasswordAnswersANewPasswordOnce() {
        String login = unique("forgetful");
        newUser(login, "0");
        String first = admin().post("/admin/user/reset_pwd/", params("email", login + "@example.com")).ok().asText();
        String second = admin().post("/admin/user/reset_pwd/", params("email", login + "@example.com")).ok().asText();
        assertThat(first).hasSize(16).isNotEqualTo(second);
        assertThat(admin().post("/admin/user/reset_pwd/", params("email", "nobody@example.com")).refused(404))
                .containsExactly("no user with email 'nobody@example.com'");
    }

    @Test
    void changeRankRefusesAnUnknownRankAndAnUnknownUser() {
        long id = newUser(unique("ranked"), "0");
        assertThat(admin().post("/admin/user/change_rank/", params("user_id", id, "rank", "diamond")).refused(400).get(0))
                .startsWith("rank: unknown rank 'diamond'");
        assertThat(admin().post("/admin/user/change_rank/", params("user_id", 987_654, "rank", "gold")).refused(404))
                .containsExactly("no user with user_id 987654");
    }

    @Test
    void formAndQueryParametersWorkLikeJson() {
        String login = unique("former");
        long id = ApiClient.admin(port).postForm("/admin/user/new", params("login", login, "email", login + "@example.com",
                "pwd", "pw", "rank", "silver")).ok().asLong();
        assertThat(admin().get("/admin/users", params("filter", login)).ok().get(0).get("id").asLong()).isEqualTo(id);
    }
}
