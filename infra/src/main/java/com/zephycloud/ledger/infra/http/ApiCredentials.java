package com.zephycloud.ledger.infra.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * One user name and password pair for HTTP Basic authentication. A blank password matches
 * nothing. The comparison takes the same time whatever the input, so it leaks nothing.
 */
public record ApiCredentials(String username, String password) {

    public boolean matches(String givenUser, String givenPassword) {
        if (password == null || password.isBlank()) {
            return false;
        }
        boolean userOk = MessageDigest.isEqual(bytes(username), bytes(givenUser));
        boolean passwordOk = MessageDigest.isEqual(bytes(password), bytes(givenPassword));
        return userOk & passwordOk;
    }

    private static byte[] bytes(String text) {
        return text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
    }
}
