package com.zephycloud.ledger.query.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of UTF-8 text, as 64 lowercase hex digits: what {@code sha256sum} prints. */
public final class Sha256 {

    /** The hash before the first link of a chain, and the root of a checkpoint without leaves. */
    public static final String ZERO = "0".repeat(64);

    private Sha256() {
    }

    public static String hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
