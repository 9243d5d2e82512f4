package com.zephycloud.ledger.infra.audit;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The auditor's procedure of docs/ledger-chain.md, with JDK classes only (no application class,
 * no JSON library): parse the answer of {@code audit/chain_proof}, rebuild each link's line from
 * its fields and hash it, follow the links to the head, hash the leaf, fold the Merkle path,
 * rebuild the signed message and check its Ed25519 signature. Answers the first failed check, or
 * null when the proof holds.
 */
final class OfflineProofVerifier {

    private OfflineProofVerifier() {
    }

    @SuppressWarnings("unchecked")
    static String check(String answer, String expectedPublicKey) throws Exception {
        Map<String, Object> proof = (Map<String, Object>) ((Map<String, Object>) new Json(answer).value()).get("data");
        List<Object> links = (List<Object>) proof.get("links");
        String userId = (String) proof.get("user_id");
        String previous = null;
        for (Object item : links) {
            Map<String, Object> link = (Map<String, Object>) item;
            String line = String.join("|", "zl1", userId, (String) link.get("sequence"),
                    (String) link.get("transaction_id"), (String) link.get("event_type"), (String) link.get("amount"),
                    (String) link.get("balance_after"), (String) link.get("occurred_us"),
                    (String) link.get("description_sha256"), (String) link.get("previous_hash"));
            if (previous != null && !previous.equals(link.get("previous_hash"))) {
                return "link " + link.get("sequence") + " does not follow the one before";
            }
            previous = sha256(line);
            if (!previous.equals(link.get("hash"))) {
                return "link " + link.get("sequence") + ": its fields do not hash to its hash";
            }
        }
        if (!links.isEmpty() && !proof.get("transaction_id").equals(((Map<String, Object>) links.get(0)).get("transaction_id"))) {
            return "the first link is not the transaction's";
        }
        Map<String, Object> leaf = (Map<String, Object>) proof.get("leaf");
        if (!leaf.get("head").equals(previous) || !leaf.get("user_id").equals(userId)) {
            return "the links do not end at the checkpoint's head of the user";
        }
        String hash = sha256("leaf|v1|" + userId + "|" + leaf.get("sequence") + "|" + previous);
        for (Object item : (List<Object>) proof.get("merkle_path")) {
            Map<String, Object> step = (Map<String, Object>) item;
            hash = "left".equals(step.get("side")) ? sha256("node|" + step.get("hash") + "|" + hash)
                    : sha256("node|" + hash + "|" + step.get("hash"));
        }
        Map<String, Object> checkpoint = (Map<String, Object>) proof.get("checkpoint");
        if (!hash.equals(checkpoint.get("root"))) {
            return "the Merkle path does not lead to the checkpoint's root";
        }
        String message = String.join("|", "zlc1", (String) checkpoint.get("checkpoint_id"),
                (String) checkpoint.get("created_us"), (String) checkpoint.get("event_position"),
                (String) checkpoint.get("leaf_count"), (String) checkpoint.get("root"));
        if (!message.equals(checkpoint.get("signed_message"))) {
            return "the signed message is not the checkpoint's";
        }
        String key = (String) checkpoint.get("public_key");
        if (expectedPublicKey != null && !expectedPublicKey.equals(key)) {
            return "signed with another key";
        }
        Signature signature = Signature.getInstance("Ed25519");
        signature.initVerify(KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(key))));
        signature.update(message.getBytes(StandardCharsets.UTF_8));
        if (!signature.verify(Base64.getDecoder().decode((String) checkpoint.get("signature")))) {
            return "the signature does not verify";
        }
        return null;
    }

    static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Just enough JSON: objects, arrays, strings (without escapes beyond \" and \\), numbers kept as their text. */
    private static final class Json {
        private final String text;
        private int at;

        Json(String text) {
            this.text = text;
        }

        Object value() {
            skipSpaces();
            char c = text.charAt(at);
            if (c == '{') {
                Map<String, Object> object = new LinkedHashMap<>();
                at++;
                while (next() != '}') {
                    String name = (String) value();
                    expect(':');
                    object.put(name, value());
                    if (next() == ',') {
                        at++;
                    }
                }
                at++;
                return object;
            }
            if (c == '[') {
                List<Object> array = new ArrayList<>();
                at++;
                while (next() != ']') {
                    array.add(value());
                    if (next() == ',') {
                        at++;
                    }
                }
                at++;
                return array;
            }
            if (c == '"') {
                StringBuilder string = new StringBuilder();
                for (at++; text.charAt(at) != '"'; at++) {
                    if (text.charAt(at) == '\\') {
                        at++;
                    }
                    string.append(text.charAt(at));
                }
                at++;
                return string.toString();
            }
            int start = at;
            while (at < text.length() && ",}] \n\r\t".indexOf(text.charAt(at)) < 0) {
                at++;
            }
            String literal = text.substring(start, at);
            return literal.equals("null") ? null : literal;
        }

        private char next() {
            skipSpaces();
            return text.charAt(at);
        }

        private void expect(char c) {
            if (next() != c) {
                throw new IllegalArgumentException("expected '" + c + "' at " + at);
            }
            at++;
        }

        private void skipSpaces() {
            while (Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
    }
}
