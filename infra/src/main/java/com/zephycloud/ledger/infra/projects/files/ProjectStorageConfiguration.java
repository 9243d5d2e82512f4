package com.zephycloud.ledger.infra.projects.files;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The file storages named in {@code zephy.storages}, and the deletion of removed projects' files. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StorageProperties.class)
public class ProjectStorageConfiguration {

    @Bean(destroyMethod = "")
    public FileStorages fileStorages(StorageProperties properties, Clock clock) {
        List<FileStorage> storages = new ArrayList<>();
        for (Map.Entry<String, StorageSettings> entry : properties.storages().entrySet()) {
            String name = entry.getKey();
            StorageSettings settings = entry.getValue();
            String type = settings.type() == null ? "" : settings.type();
            switch (type) {
                case "local" -> storages.add(new LocalFolderStorage(name, settings, signer(settings), clock));
                case "s3" -> storages.add(new S3FileStorage(name, settings));
                default -> throw new IllegalStateException("zephy.storages." + name + ".type must be local or s3, got '"
                        + type + "'");
            }
        }
        return new FileStorages(storages);
    }

    @Bean
    public ProjectFileCleanup projectFileCleanup(FileStorages storages) {
        return new ProjectFileCleanup(storages);
    }

    /** A random secret when none is configured: urls then stop working at the next start. */
    private static UrlSigner signer(StorageSettings settings) {
        if (settings.signingSecret() != null && !settings.signingSecret().isBlank()) {
            return new UrlSigner(settings.signingSecret().getBytes(StandardCharsets.UTF_8));
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new UrlSigner(secret);
    }
}
