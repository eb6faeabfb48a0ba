package io.chatforge.im.media.storage;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the bytes live: an S3 endpoint, bucket and credentials, and how long presigned URLs hold.
 * {@code publicBaseUrl} is where clients reach the bucket; empty means the origin each request
 * came through, so the URLs work from whatever address a client used to reach the gateway.
 */
@ConfigurationProperties("im.media.storage")
public record StorageProperties(
        URI endpoint,
        String region,
        String bucket,
        String accessKey,
        String secretKey,
        String publicBaseUrl,
        Duration uploadUrlTtl,
        Duration downloadUrlTtl) {}
