package io.chatforge.im.media.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The bucket through the S3 API: presigned PUT and GET URLs for clients, and the few reads and
 * writes the service does itself (existence and size, the first bytes, thumbnails, deletes).
 * URLs are signed for the internal endpoint's host; the gateway forwards the bucket's path to
 * that endpoint, so a URL resolved against the gateway's origin still verifies.
 */
public class ObjectStore implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ObjectStore.class);

    private final StorageProperties properties;
    private final S3Client s3;
    private final S3Presigner presigner;

    public ObjectStore(StorageProperties properties) {
        this.properties = properties;
        var credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(properties.accessKey(), properties.secretKey()));
        // path-style: the bucket is the first path segment, which is what the gateway routes on
        var style = S3Configuration.builder().pathStyleAccessEnabled(true).build();
        this.s3 = S3Client.builder()
                .endpointOverride(properties.endpoint())
                .region(Region.of(properties.region()))
                .credentialsProvider(credentials)
                .serviceConfiguration(style)
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(30)))
                .build();
        this.presigner = S3Presigner.builder()
                .endpointOverride(properties.endpoint())
                .region(Region.of(properties.region()))
                .credentialsProvider(credentials)
                .serviceConfiguration(style)
                .build();
    }

    /** Creates the bucket when it is missing (local runs and tests start with an empty store). */
    public void ensureBucket() {
        try {
            s3.headBucket(b -> b.bucket(properties.bucket()));
        } catch (S3Exception missing) {
            try {
                s3.createBucket(b -> b.bucket(properties.bucket()));
                log.info("created bucket {} at {}", properties.bucket(), properties.endpoint());
            } catch (BucketAlreadyOwnedByYouException raced) {
                // another instance created it first
            }
        }
    }

    /** A PUT URL bound to this content type and length; the headers the client must send with it. */
    public Presigned presignPut(String key, String contentType, long size) {
        var request = presigner.presignPutObject(
                p -> p.signatureDuration(properties.uploadUrlTtl()).putObjectRequest(o -> o.bucket(properties.bucket())
                        .key(key)
                        .contentType(contentType)
                        .contentLength(size)));
        return new Presigned(request.url(), Map.of("Content-Type", contentType));
    }

    /** A GET URL that answers with this content type and disposition (ranges work as usual). */
    public Presigned presignGet(String key, String contentType, String disposition) {
        var request = presigner.presignGetObject(p -> p.signatureDuration(properties.downloadUrlTtl())
                .getObjectRequest(o -> o.bucket(properties.bucket())
                        .key(key)
                        .responseContentType(contentType)
                        .responseContentDisposition(disposition)));
        return new Presigned(request.url(), Map.of());
    }

    /** The stored size of an object, or empty when there is none. */
    public Optional<Long> size(String key) {
        try {
            return Optional.of(
                    s3.headObject(h -> h.bucket(properties.bucket()).key(key)).contentLength());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The object's bytes as a stream; the caller closes it. */
    public InputStream open(String key) {
        return s3.getObject(g -> g.bucket(properties.bucket()).key(key));
    }

    /** At most the first {@code n} bytes of an object. */
    public byte[] head(String key, int n) {
        try (InputStream in =
                s3.getObject(g -> g.bucket(properties.bucket()).key(key).range("bytes=0-" + (n - 1)))) {
            return in.readNBytes(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void put(String key, byte[] bytes, String contentType) {
        s3.putObject(
                p -> p.bucket(properties.bucket()).key(key).contentType(contentType), RequestBody.fromBytes(bytes));
    }

    public void delete(String key) {
        s3.deleteObject(d -> d.bucket(properties.bucket()).key(key));
    }

    public Duration uploadUrlTtl() {
        return properties.uploadUrlTtl();
    }

    public Duration downloadUrlTtl() {
        return properties.downloadUrlTtl();
    }

    @Override
    public void close() {
        presigner.close();
        s3.close();
    }

    /** A presigned URL (for the internal endpoint) and the headers that must go with it. */
    public record Presigned(URL url, Map<String, String> headers) {}
}
