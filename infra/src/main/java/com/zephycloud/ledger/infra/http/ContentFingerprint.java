package com.zephycloud.ledger.infra.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parameters of a request as read, normalized (1.50 and 1.5 are one amount; the order of the
 * parameters does not count): what makes two requests with one {@code request_id} "the same
 * content", compared by digest.
 */
final class ContentFingerprint {

    private final Map<String, String> canonical = new TreeMap<>();

    void put(String name, String normalizedValue) {
        canonical.put(name, normalizedValue);
    }

    String of(String endpoint) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((endpoint + canonical).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
