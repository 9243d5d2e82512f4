package com.zephycloud.ledger.infra.projects.files;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.net.URI;
import java.time.Duration;

/** Files in an S3 bucket (or an S3-compatible server), under a key prefix; urls are presigned GETs. */
public class S3FileStorage implements FileStorage, AutoCloseable {

    private final String name;
    private final String bucket;
    private final String prefix;
    private final Duration urlLifetime;
    private final S3Client client;
    private final S3Presigner presigner;

    public S3FileStorage(String name, StorageSettings settings) {
        this.name = name;
        this.bucket = require(settings.bucket(), name, "bucket");
        this.prefix = settings.keyPrefix();
        this.urlLifetime = settings.lifetime();
        Region region = Region.of(require(settings.region(), name, "region"));
        AwsCredentialsProvider credentials = settings.accessKeyId() == null || settings.accessKeyId().isBlank()
                ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKeyId(),
                settings.secretAccessKey()));
        S3Configuration s3 = S3Configuration.builder()
                .pathStyleAccessEnabled(Boolean.TRUE.equals(settings.pathStyleAccess())).build();
        var clientBuilder = S3Client.builder().region(region).credentialsProvider(credentials)
                .serviceConfiguration(s3);
        var presignerBuilder = S3Presigner.builder().region(region).credentialsProvider(credentials)
                .serviceConfiguration(s3);
        if (settings.endpoint() != null) {
            // S3-compatible servers often lack the newer flexible checksums (trailing checksums on
            // uploads): send and check checksums only where the S3 API requires them
            clientBuilder.endpointOverride(settings.endpoint())
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
            presignerBuilder.endpointOverride(settings.endpoint());
        }
        this.client = clientBuilder.build();
        this.presigner = presignerBuilder.build();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public URI downloadUrl(String key) {
        return URI.create(presigner.presignGetObject(request -> request
                .signatureDuration(urlLifetime)
                .getObjectRequest(get -> get.bucket(bucket).key(prefix + key))).url().toString());
    }

    @Override
    public void put(String key, byte[] content) {
        client.putObject(request -> request.bucket(bucket).key(prefix + key), RequestBody.fromBytes(content));
    }

    @Override
    public void delete(String key) {
        client.deleteObject(request -> request.bucket(bucket).key(prefix + key));
    }

    @Override
    public void close() {
        presigner.close();
        client.close();
    }

    static String require(String value, String storage, String setting) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("zephy.storages." + storage + "." + setting + " is required");
        }
        return value;
    }
}
