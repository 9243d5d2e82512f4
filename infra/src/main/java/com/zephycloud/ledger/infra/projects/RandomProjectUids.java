package com.zephycloud.ledger.infra.projects;

import com.zephycloud.ledger.command.projects.ProjectUidGenerator;
import com.zephycloud.ledger.kernel.projects.ProjectUid;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The random part of project uids, in the reference's form: 32 hexadecimal digits then 30
 * uppercase letters and digits (about 283 random bits: uids cannot be guessed nor collide).
 */
public class RandomProjectUids implements ProjectUidGenerator {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final SecureRandom random = new SecureRandom();

    @Override
    public ProjectUid next(String login, Instant createdAt) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        StringBuilder part = new StringBuilder(HexFormat.of().formatHex(bytes));
        for (int i = 0; i < 30; i++) {
            part.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return ProjectUid.create(login, createdAt, part.toString());
    }
}
