package io.chatforge.im.media.upload;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatforge.im.media.catalog.Media;
import org.junit.jupiter.api.Test;

class DownloadsTest {

    @Test
    void filesDownloadAsBytesUnderTheirName_picturesOpenInline() {
        Media file = media("file", "text/plain", "résumé final.txt");
        Media image = media("image", "image/png", "cat.png");

        assertThat(Downloads.servedType(file)).isEqualTo("application/octet-stream");
        assertThat(Downloads.disposition(file))
                .isEqualTo("attachment; filename=\"r_sum_ final.txt\"; filename*=UTF-8''r%C3%A9sum%C3%A9%20final.txt");
        assertThat(Downloads.servedType(image)).isEqualTo("image/png");
        assertThat(Downloads.disposition(image)).startsWith("inline; filename=\"cat.png\"");
    }

    private static Media media(String kind, String type, String name) {
        return new Media(1, 2, kind, type, 10, name, Media.Status.READY, null, null, null, false, 0, 0L, null);
    }
}
