package io.chatforge.im.gateway.edge;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The largest request body the gateway passes on, per kind of route (docs/api.md, "Limits").
 *
 * @param auth {@code /api/auth/**}: credentials and tokens, small by nature
 * @param api every other route: JSON bodies
 * @param objects uploads to the object store's bucket (presigned PUTs of media)
 * @param objectPrefix the bucket's path, {@code /<bucket>/}
 */
@ConfigurationProperties("im.gateway.body-limits")
record BodyLimits(
        @DefaultValue("4KB") DataSize auth,
        @DefaultValue("64KB") DataSize api,
        @DefaultValue("200MB") DataSize objects,
        @DefaultValue("/im-media/") String objectPrefix) {

    long forPath(String canonicalPath) {
        if (canonicalPath.startsWith(objectPrefix)) {
            return objects.toBytes();
        }
        return canonicalPath.startsWith("/api/auth/") ? auth.toBytes() : api.toBytes();
    }
}
