package io.chatforge.im.media.storage;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class StorageConfiguration {

    /** Refuses to start without credentials: a store open to anyone is never the default. */
    @Bean(destroyMethod = "close")
    ObjectStore objectStore(StorageProperties properties) {
        if (blank(properties.accessKey()) || blank(properties.secretKey())) {
            throw new IllegalStateException(
                    "im.media.storage.access-key and secret-key (IM_S3_ACCESS_KEY, IM_S3_SECRET_KEY) must be set");
        }
        ObjectStore store = new ObjectStore(properties);
        store.ensureBucket();
        return store;
    }

    @Bean
    PublicUrls publicUrls(StorageProperties properties) {
        return new PublicUrls(properties.publicBaseUrl());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
