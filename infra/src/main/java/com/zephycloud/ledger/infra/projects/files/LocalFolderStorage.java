package com.zephycloud.ledger.infra.projects.files;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Files in a local folder, for the embedded demo. Their urls point to this application
 * ({@link LocalFileDownloads}) with an expiry and a signature, so that a url works only as long
 * as an S3 presigned url would, and a client cannot forge one for another key.
 */
public class LocalFolderStorage implements FileStorage {

    public static final String DOWNLOAD_PATH = "/files/";

    private final String name;
    private final Path root;
    private final URI publicBaseUrl;
    private final Duration urlLifetime;
    private final UrlSigner signer;
    private final Clock clock;

    public LocalFolderStorage(String name, StorageSettings settings, UrlSigner signer, Clock clock) {
        this.name = name;
        this.root = Path.of(S3FileStorage.require(settings.path(), name, "path")).toAbsolutePath().normalize();
        this.publicBaseUrl = settings.publicBaseUrl();
        this.urlLifetime = settings.lifetime();
        this.signer = signer;
        this.clock = clock;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public URI downloadUrl(String key) {
        long expires = clock.instant().plus(urlLifetime).getEpochSecond();
        UriComponentsBuilder base = publicBaseUrl != null ? UriComponentsBuilder.fromUri(publicBaseUrl)
                : ServletUriComponentsBuilder.fromCurrentContextPath();
        return base.path(DOWNLOAD_PATH + name)
                .queryParam("key", key)
                .queryParam("expires", expires)
                .queryParam("signature", signer.sign(name, key, expires))
                .encode().build().toUri();
    }

    /** The content under {@code key} if the signature is right and not expired; empty if no such file. */
    public Optional<byte[]> read(String key, long expires, String signature) {
        if (!signer.sign(name, key, expires).equals(signature)) {
            throw new SecurityException("the signature of this url is not valid");
        }
        if (Instant.ofEpochSecond(expires).isBefore(clock.instant())) {
            throw new SecurityException("this url expired at " + expires + "; ask a new one");
        }
        Path file = resolve(key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void put(String key, byte[] content) {
        Path file = resolve(key);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(resolve(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file of {@code key}, never outside the storage's folder. */
    private Path resolve(String key) {
        Path file = root.resolve(key).normalize();
        if (!file.startsWith(root) || file.equals(root)) {
            throw new IllegalArgumentException("storage key '" + key + "' leaves the storage folder");
        }
        return file;
    }
}
