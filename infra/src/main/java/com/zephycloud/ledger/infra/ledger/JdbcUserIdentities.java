package com.zephycloud.ledger.infra.ledger;

import com.zephycloud.ledger.command.ledger.UserIdentities;
import com.zephycloud.ledger.kernel.UserId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The login and email register. Its unique keys are the guard; the reads before the insert only
 * give a precise message in the common case.
 */
@Component
public class JdbcUserIdentities implements UserIdentities {

    private final JdbcTemplate jdbc;

    public JdbcUserIdentities(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void claim(UserId userId, String login, String email) {
        String normalizedLogin = normalize(login);
        String normalizedEmail = normalize(email);
        if (isLoginTaken(normalizedLogin)) {
            throw new IllegalStateException("login '" + login + "' is already taken");
        }
        if (isEmailTaken(normalizedEmail)) {
            throw new IllegalStateException("email '" + email + "' is already taken");
        }
        try {
            jdbc.update("INSERT INTO user_identity (user_id, login, email) VALUES (?, ?, ?)",
                    userId.value(), normalizedLogin, normalizedEmail);
        } catch (DuplicateKeyException raced) {
            throw new IllegalStateException("login '" + login + "' or email '" + email
                    + "' was taken by a concurrent registration");
        }
    }

    public boolean isLoginTaken(String login) {
        return count("login", normalize(login)) > 0;
    }

    public boolean isEmailTaken(String email) {
        return count("email", normalize(email)) > 0;
    }

    public Optional<UserId> userIdByLogin(String login) {
        List<Long> ids = jdbc.queryForList("SELECT user_id FROM user_identity WHERE login = ?", Long.class,
                normalize(login));
        return ids.stream().findFirst().map(UserId::of);
    }

    public Optional<UserId> userIdByEmail(String email) {
        List<Long> ids = jdbc.queryForList("SELECT user_id FROM user_identity WHERE email = ?", Long.class,
                normalize(email));
        return ids.stream().findFirst().map(UserId::of);
    }

    private int count(String column, String value) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM user_identity WHERE " + column + " = ?",
                Integer.class, value);
        return count == null ? 0 : count;
    }

    private static String normalize(String value) {
        return value.trim().toLowerCase(Locale.ROOT);
    }
}
