package com.zephycloud.ledger.infra.ledger;

import com.zephycloud.ledger.command.ledger.ChangeRank;
import com.zephycloud.ledger.command.ledger.RegisterUser;
import com.zephycloud.ledger.command.ledger.RemoveUser;
import com.zephycloud.ledger.command.ledger.ResetPassword;
import com.zephycloud.ledger.command.ledger.RestoreUser;
import com.zephycloud.ledger.infra.http.ApiException;
import com.zephycloud.ledger.infra.http.ApiParams;
import com.zephycloud.ledger.infra.http.ApiResponse;
import com.zephycloud.ledger.infra.messaging.Commands;
import com.zephycloud.ledger.infra.messaging.Queries;
import com.zephycloud.ledger.kernel.Rank;
import com.zephycloud.ledger.kernel.TransactionId;
import com.zephycloud.ledger.kernel.UserId;
import com.zephycloud.ledger.kernel.Zephycoins;
import com.zephycloud.ledger.query.ledger.FindUser;
import com.zephycloud.ledger.query.ledger.ListUsers;
import com.zephycloud.ledger.query.ledger.UserPage;
import com.zephycloud.ledger.query.ledger.UserQueries;
import com.zephycloud.ledger.query.ledger.UserView;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.web.bind.annotation.RequestMethod.GET;
import static org.springframework.web.bind.annotation.RequestMethod.POST;

/** Admin API, "User" section: accounts, their identity, rank and password. */
@RestController
@RequestMapping("/admin")
public class UserEndpoints {

    private static final String INITIAL_CREDIT_REASON = "Initial credit";

    private final Commands commands;
    private final Queries queries;
    private final JdbcUserIdentities identities;
    private final SequenceIdAllocator ids;
    private final PasswordHasher passwords;

    public UserEndpoints(Commands commands, Queries queries, JdbcUserIdentities identities, SequenceIdAllocator ids,
                         PasswordHasher passwords) {
        this.commands = commands;
        this.queries = queries;
        this.identities = identities;
        this.ids = ids;
        this.passwords = passwords;
    }

    @RequestMapping(path = "/user/login_available", method = {GET, POST})
    public ApiResponse loginAvailable(ApiParams params) {
        String login = params.requiredText("login");
        params.done();
        return ApiResponse.ok(!identities.isLoginTaken(login));
    }

    @RequestMapping(path = "/user/email_available", method = {GET, POST})
    public ApiResponse emailAvailable(ApiParams params) {
        String email = params.requiredText("email");
        params.done();
        return ApiResponse.ok(!identities.isEmailTaken(email));
    }

    @RequestMapping(path = "/users", method = {GET, POST})
    public ApiResponse list(ApiParams params) {
        ListUsers query = new ListUsers(params.optionalBoolean("include_deleted", true),
                params.optionalChoice("rank", Rank::parse), params.optionalText("filter"),
                params.order(UserQueries.ORDER), params.paging());
        params.done();
        return ApiResponse.page(queries.ask(query, UserPage.class));
    }

    @RequestMapping(path = "/user/new", method = {GET, POST})
    public ApiResponse create(ApiParams params) {
        String login = params.requiredText("login");
        String email = params.requiredText("email");
        String password = params.requiredText("pwd");
        Rank rank = params.requiredChoice("rank", Rank::parse, "one of " + Rank.ALLOWED);
        Zephycoins coins = params.optionalCoins("nbr_coins");
        String reason = params.optionalText("reason");
        if (password != null && !passwords.fits(password)) {
            params.reject("pwd: is longer than " + PasswordHasher.MAX_BYTES + " bytes, the most a password can have");
        }
        if (coins != null && coins.isNegative()) {
            params.reject("nbr_coins: must be zero or more, got " + coins);
        }
        params.done();
        UserId userId = ids.nextUserId();
        boolean credited = coins != null && coins.isPositive();
        TransactionId transactionId = credited ? ids.next() : null;
        commands.send(new RegisterUser(userId, login, email, passwords.hash(password), rank,
                credited ? coins : null, transactionId, reason == null ? INITIAL_CREDIT_REASON : reason));
        return ApiResponse.ok(userId.value());
    }

    @RequestMapping(path = "/user/remove", method = {GET, POST})
    public ApiResponse remove(ApiParams params) {
        long userId = params.requiredId("user_id");
        params.done();
        commands.send(new RemoveUser(UserId.of(userId)));
        return ApiResponse.ok("Ok");
    }

    /** Not in the reference; the admin dashboard calls it to bring back a deleted user. */
    @RequestMapping(path = "/user/restore", method = {GET, POST})
    public ApiResponse restore(ApiParams params) {
        long userId = params.requiredId("user_id");
        params.done();
        commands.send(new RestoreUser(UserId.of(userId)));
        return ApiResponse.ok();
    }

    @RequestMapping(path = "/user/show", method = {GET, POST})
    public ApiResponse show(ApiParams params) {
        Long userId = params.optionalId("user_id");
        String login = params.optionalText("login");
        String email = params.optionalText("email");
        boolean includeDeleted = params.optionalBoolean("include_deleted", false);
        int given = (userId != null ? 1 : 0) + (login != null ? 1 : 0) + (email != null ? 1 : 0);
        if (given != 1) {
            params.reject("give exactly one of user_id, login or email");
        }
        params.done();
        UserView user = queries.find(new FindUser(userId, login, email, true), UserView.class)
                .orElseThrow(() -> ApiException.notFound("no user with " + describe(userId, login, email)));
        if (user.deleted() && !includeDeleted) {
            throw ApiException.notFound("user " + user.id() + " is deleted; pass include_deleted=true to see it");
        }
        return ApiResponse.ok(user);
    }

    @RequestMapping(path = "/user/reset_pwd", method = {GET, POST})
    public ApiResponse resetPassword(ApiParams params) {
        String email = params.requiredText("email");
        params.done();
        UserId userId = identities.userIdByEmail(email)
                .orElseThrow(() -> ApiException.notFound("no user with email '" + email + "'"));
        String password = passwords.generate();
        commands.send(new ResetPassword(userId, passwords.hash(password)));
        return ApiResponse.ok(password);
    }

    @RequestMapping(path = "/user/change_rank", method = {GET, POST})
    public ApiResponse changeRank(ApiParams params) {
        long userId = params.requiredId("user_id");
        Rank rank = params.requiredChoice("rank", Rank::parse, "one of " + Rank.ALLOWED);
        params.done();
        commands.send(new ChangeRank(UserId.of(userId), rank));
        return ApiResponse.ok();
    }

    private static String describe(Long userId, String login, String email) {
        return userId != null ? "user_id " + userId : login != null ? "login '" + login + "'" : "email '" + email + "'";
    }
}
