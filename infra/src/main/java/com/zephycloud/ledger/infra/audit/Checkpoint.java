package com.zephycloud.ledger.infra.audit;

/**
 * A signed checkpoint: the Merkle {@code root} over {@code leafCount} chain heads, made at
 * {@code createdUs} (epoch microseconds), {@code eventPosition} the highest event position among
 * the links it covers. {@code signedMessage} is what {@code signature} (Ed25519, base64) signs,
 * with {@code publicKey} (base64 X.509 DER).
 */
public record Checkpoint(long checkpointId, long createdUs, long eventPosition, long leafCount, String root,
                         String signedMessage, String signature, String publicKey) {

    public static String message(long id, long createdUs, long eventPosition, long leafCount, String root) {
        return String.join("|", "zlc1", Long.toString(id), Long.toString(createdUs), Long.toString(eventPosition),
                Long.toString(leafCount), root);
    }
}
