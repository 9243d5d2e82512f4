package com.zephycloud.ledger.command.ledger;

import java.util.regex.Pattern;

/** The accepted forms of a login and of an email. */
public final class IdentityRules {

    private static final Pattern LOGIN = Pattern.compile("^[a-z]+(\\.[a-z]+)*$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");
    private static final int MAX_LENGTH = 255;

    private IdentityRules() {
    }

    public static void checkLogin(String login) {
        if (login == null || login.length() > MAX_LENGTH || !LOGIN.matcher(login).matches()) {
            throw new IllegalArgumentException("login '" + login + "' is not valid: use lowercase letters"
                    + " a-z in words separated by single dots, like 'marcel' or 'jean.dupont'");
        }
    }

    public static void checkEmail(String email) {
        if (email == null || email.length() > MAX_LENGTH || !EMAIL.matcher(email).matches()) {
            throw new IllegalArgumentException("email '" + email + "' is not a valid address like name@example.com");
        }
    }
}
