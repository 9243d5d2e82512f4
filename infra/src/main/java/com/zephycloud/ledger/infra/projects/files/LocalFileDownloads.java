package com.zephycloud.ledger.infra.projects.files;

import com.zephycloud.ledger.infra.http.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Serves the files of local folder storages through their signed, expiring urls. No credentials:
 * the signature is the authorization, as with an S3 presigned url.
 */
@RestController
public class LocalFileDownloads {

    private final FileStorages storages;

    public LocalFileDownloads(FileStorages storages) {
        this.storages = storages;
    }

    @GetMapping(LocalFolderStorage.DOWNLOAD_PATH + "{storage}")
    public ResponseEntity<?> download(@PathVariable String storage, @RequestParam String key,
                                      @RequestParam long expires, @RequestParam String signature) {
        if (!(storages.find(storage).orElse(null) instanceof LocalFolderStorage local)) {
            return refuse(HttpStatus.NOT_FOUND, "no local storage named '" + storage + "'");
        }
        try {
            return local.read(key, expires, signature)
                    .<ResponseEntity<?>>map(bytes -> ResponseEntity.ok()
                            .contentType(MediaType.APPLICATION_OCTET_STREAM).body(bytes))
                    .orElseGet(() -> refuse(HttpStatus.NOT_FOUND, "no file under this key"));
        } catch (SecurityException refused) {
            return refuse(HttpStatus.FORBIDDEN, refused.getMessage());
        }
    }

    private static ResponseEntity<?> refuse(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(ApiResponse.error(List.of(message)));
    }
}
