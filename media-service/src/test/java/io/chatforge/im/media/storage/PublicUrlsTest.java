package io.chatforge.im.media.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class PublicUrlsTest {
    private static final String SIGNED = "http://127.0.0.1:9000/im-media/m/42?X-Amz-Signature=abc&X-Amz-Expires=900";

    @Test
    void withoutABase_theUrlIsOnTheOriginTheClientUsed_withPathAndQueryUntouched() throws Exception {
        var urls = new PublicUrls("");

        assertThat(urls.of(URI.create(SIGNED).toURL(), "http://192.168.1.20:8080"))
                .isEqualTo("http://192.168.1.20:8080/im-media/m/42?X-Amz-Signature=abc&X-Amz-Expires=900");
    }

    @Test
    void aConfiguredBase_wins() throws Exception {
        var urls = new PublicUrls("https://chat.example.com/");

        assertThat(urls.of(URI.create(SIGNED).toURL(), "http://10.0.0.5:8080"))
                .isEqualTo("https://chat.example.com/im-media/m/42?X-Amz-Signature=abc&X-Amz-Expires=900");
    }
}
