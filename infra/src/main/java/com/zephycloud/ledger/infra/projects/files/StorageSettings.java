package com.zephycloud.ledger.infra.projects.files;

import java.net.URI;
import java.time.Duration;

/**
 * One named storage, from {@code zephy.storages.<name>.*}. {@code type} {@code local}: a folder
 * ({@code path}), its urls served by this application and signed with {@code signing-secret}
 * (random at each start when blank). {@code type} {@code s3}: {@code bucket} in {@code region},
 * keys under {@code prefix}, an {@code endpoint} override and {@code path-style-access} for
 * S3-compatible servers, static keys only when given (else the default AWS credentials chain).
 */
public record StorageSettings(String type,
                              String path,
                              URI publicBaseUrl,
                              String signingSecret,
                              String region,
                              String bucket,
                              String prefix,
                              URI endpoint,
                              Boolean pathStyleAccess,
                              String accessKeyId,
                              String secretAccessKey,
                              Duration urlLifetime) {

    public static final Duration DEFAULT_URL_LIFETIME = Duration.ofHours(1);

    public Duration lifetime() {
        return urlLifetime == null ? DEFAULT_URL_LIFETIME : urlLifetime;
    }

    public String keyPrefix() {
        return prefix == null ? "" : prefix;
    }
}
