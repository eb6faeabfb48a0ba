package io.chatforge.im.media.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContentSnifferTest {

    @Test
    void pictures_areKnownByTheirFirstBytes_notByTheirName() {
        assertThat(ContentSniffer.imageType(bytes(0xFF, 0xD8, 0xFF, 0xE0))).isEqualTo("image/jpeg");
        assertThat(ContentSniffer.imageType(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)))
                .isEqualTo("image/png");
        assertThat(ContentSniffer.imageType(ascii("GIF89a...."))).isEqualTo("image/gif");
        assertThat(ContentSniffer.imageType(ascii("RIFF\0\0\0\0WEBPVP8 "))).isEqualTo("image/webp");
        assertThat(ContentSniffer.imageType(ascii("<svg xmlns=..."))).isNull();
        assertThat(ContentSniffer.imageType(ascii("<html>"))).isNull();
        assertThat(ContentSniffer.imageType(new byte[0])).isNull();
    }

    @Test
    void soundAndVideo_mustBeAKnownContainer_filesMayBeAnything() {
        assertThat(ContentSniffer.looksLike("audio", ascii("ID3\u0004\0\0"))).isTrue();
        assertThat(ContentSniffer.looksLike("audio", ascii("OggS\0"))).isTrue();
        assertThat(ContentSniffer.looksLike("audio", ascii("RIFF\0\0\0\0WAVEfmt ")))
                .isTrue();
        assertThat(ContentSniffer.looksLike("audio", ascii("\0\0\0\u0018ftypM4A ")))
                .isTrue();
        assertThat(ContentSniffer.looksLike("video", ascii("\0\0\0\u0018ftypmp42")))
                .isTrue();
        assertThat(ContentSniffer.looksLike("video", bytes(0x1A, 0x45, 0xDF, 0xA3, 0x01)))
                .isTrue();
        assertThat(ContentSniffer.looksLike("video", ascii("ID3\u0004"))).isFalse();
        assertThat(ContentSniffer.looksLike("audio", ascii("MZ\u0090\0 an executable")))
                .isFalse();
        assertThat(ContentSniffer.looksLike("image", ascii("%PDF-1.7"))).isFalse();
        assertThat(ContentSniffer.looksLike("file", ascii("MZ anything"))).isTrue();
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
