package com.zephycloud.ledger.infra.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Signs checkpoints with Ed25519 (the JDK's own). The key pair comes from configuration, base64
 * DER: the private key as PKCS#8, the public key as X.509 (the JDK cannot derive an Ed25519
 * public key from the private one). Without configuration a pair is generated for this run only,
 * with a warning: its checkpoints still verify, against the public key stored with each of them,
 * but an auditor can no longer tell this server's key from any other.
 */
public final class CheckpointSigner {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointSigner.class);
    private static final String ALGORITHM = "Ed25519";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    public CheckpointSigner(String privateKeyBase64, String publicKeyBase64) {
        KeyPair pair = blank(privateKeyBase64) && blank(publicKeyBase64) ? generated() : configured(privateKeyBase64,
                publicKeyBase64);
        this.privateKey = pair.getPrivate();
        this.publicKey = pair.getPublic();
        if (!verifies("zephycloud-ledger key check", sign("zephycloud-ledger key check"))) {
            throw new IllegalStateException("zephy.audit.checkpoint.public-key is not the public key of"
                    + " zephy.audit.checkpoint.signing-key");
        }
    }

    /** The signature of {@code message}'s UTF-8 bytes, base64. */
    public String sign(String message) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(privateKey);
            signature.update(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a checkpoint", e);
        }
    }

    /** The public key, base64 X.509 DER. */
    public String publicKey() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    private boolean verifies(String message, String signatureBase64) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(publicKey);
            signature.update(message.getBytes(StandardCharsets.UTF_8));
            return signature.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static KeyPair generated() {
        LOG.warn("No checkpoint signing key configured (zephy.audit.checkpoint.signing-key and public-key):"
                + " checkpoints are signed with a key generated for this run only");
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK 15+ has Ed25519", e);
        }
    }

    private static KeyPair configured(String privateKeyBase64, String publicKeyBase64) {
        if (blank(privateKeyBase64) || blank(publicKeyBase64)) {
            throw new IllegalStateException("zephy.audit.checkpoint.signing-key and public-key go together:"
                    + " configure both or neither");
        }
        try {
            KeyFactory keys = KeyFactory.getInstance(ALGORITHM);
            return new KeyPair(
                    keys.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKeyBase64.trim()))),
                    keys.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKeyBase64.trim()))));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("zephy.audit.checkpoint keys: not base64 DER Ed25519 keys (" + e.getMessage()
                    + ")", e);
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
