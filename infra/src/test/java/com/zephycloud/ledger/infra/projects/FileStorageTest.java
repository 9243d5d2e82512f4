package com.zephycloud.ledger.infra.projects;

import com.zephycloud.ledger.infra.projects.files.FileStorages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static com.zephycloud.ledger.infra.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

class FileStorageTest extends StorageContextTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    FileStorages storages;

    @BeforeAll
    static void bucket() {
        S3TestServer s3 = S3TestServer.start();
        try (S3Client client = S3Client.builder().region(Region.of(S3TestServer.REGION))
                .endpointOverride(URI.create(s3.endpoint())).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        S3TestServer.ACCESS_KEY, S3TestServer.SECRET_KEY))).build()) {
            client.createBucket(request -> request.bucket(BUCKET));
        } catch (BucketAlreadyOwnedByYouException alreadyThere) {
            // another test class of this JVM made it
        }
    }

    private static HttpResponse<byte[]> download(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private String fileUrl(long userId, String uid, long fileId) {
        return admin().post("/admin/projects/file_url/", params("user_id", userId, "project_uid", uid,
                "file_id", fileId)).ok().asText();
    }

    @Test
    void anS3FileIsDownloadedThroughItsPresignedUrl() throws Exception {
        long userId = newUser(unique("sthree"), "10");
        ProjectFixtures platform = new ProjectFixtures(service());
        String uid = platform.project(userId, "s3_eu");
        String key = uid + "/raw.zip";
        byte[] content = ("raw data of " + uid).getBytes(StandardCharsets.UTF_8);
        storages.named("s3_eu").put(key, content);
        long fileId = platform.file(uid, key, content.length, "raw");

        String url = fileUrl(userId, uid, fileId);
        assertThat(url).startsWith(S3TestServer.start().endpoint() + "/" + BUCKET + "/ledger/")
                .contains("X-Amz-Expires=300").contains("X-Amz-Signature=");
        HttpResponse<byte[]> response = download(url);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(content);
        // nothing is public: the same object without the signature is refused
        assertThat(download(url.substring(0, url.indexOf('?'))).statusCode()).isEqualTo(403);
    }

    @Test
    void anExpiredPresignedUrlIsRefused() throws Exception {
        long userId = newUser(unique("expiry"), "10");
        ProjectFixtures platform = new ProjectFixtures(service());
        String uid = platform.project(userId, "s3_short");
        String key = uid + "/result.zip";
        storages.named("s3_short").put(key, new byte[]{1, 2, 3});
        long fileId = platform.file(uid, key, 3, "raw");

        String url = fileUrl(userId, uid, fileId);
        assertThat(url).contains("X-Amz-Expires=2");
        assertThat(download(url).statusCode()).isEqualTo(200);
        TimeUnit.MILLISECONDS.sleep(3500);
        HttpResponse<byte[]> expired = download(url);
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(new String(expired.body(), StandardCharsets.UTF_8)).contains("AccessDenied");
    }

    @Test
    void removingAProjectDeletesItsFilesAndNoneOfAnotherProject() throws Exception {
        long userId = newUser(unique("cleaner"), "10");
        ProjectFixtures platform = new ProjectFixtures(service());
        String removed = platform.project(userId, "s3_eu");
        String kept = platform.project(userId, "s3_eu");
        var s3 = storages.named("s3_eu");
        s3.put(removed + "/a.zip", new byte[]{1});
        s3.put(kept + "/b.zip", new byte[]{2});
        platform.file(removed, removed + "/a.zip", 1, "raw");
        long keptFile = platform.file(kept, kept + "/b.zip", 1, "raw");
        String removedUrl = s3.downloadUrl(removed + "/a.zip").toString();

        admin().post("/admin/projects/remove/", params("user_id", userId, "project_uid", removed)).ok();

        // the files are deleted after the removal, by the cleanup processor
        int status = 200;
        for (int attempt = 0; attempt < 100 && status != 404; attempt++) {
            TimeUnit.MILLISECONDS.sleep(200);
            status = download(removedUrl).statusCode();
        }
        assertThat(status).isEqualTo(404);
        HttpResponse<byte[]> other = download(fileUrl(userId, kept, keptFile));
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(other.body()).containsExactly(2);
    }

    @Test
    void aLocalFileUrlIsSignedAndExpires() throws Exception {
        long userId = newUser(unique("local"), "10");
        ProjectFixtures platform = new ProjectFixtures(service());
        String uid = platform.project(userId, "local");
        String key = uid + "/raw.zip";
        storages.named("local").put(key, "local bytes".getBytes(StandardCharsets.UTF_8));
        long fileId = platform.file(uid, key, 11, "raw");

        String url = fileUrl(userId, uid, fileId);
        HttpResponse<byte[]> response = download(url);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("local bytes");
        assertThat(download(url.replace("raw.zip", "other.zip")).statusCode()).isEqualTo(403);
        assertThat(download(url.replaceAll("signature=[0-9a-f]+", "signature=00")).statusCode()).isEqualTo(403);

        clock.advance(Duration.ofMinutes(11));
        try {
            assertThat(download(url).statusCode()).isEqualTo(403);
        } finally {
            clock.reset();
        }
    }
}
