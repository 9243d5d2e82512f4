package com.zephycloud.ledger.infra.projects.files;

import java.net.URI;

/**
 * A place where project files are kept, by key: a local folder or an S3 bucket. Nothing in it is
 * public: a file is read through a download url that expires.
 */
public interface FileStorage {

    String name();

    /** A url that downloads the file under {@code key} with a plain GET until it expires. */
    URI downloadUrl(String key);

    void put(String key, byte[] content);

    /** Deletes the file under {@code key}; a key that holds nothing is not an error. */
    void delete(String key);
}
