package io.chatforge.im.media.upload;

import java.nio.charset.StandardCharsets;

/**
 * What an object's first bytes say it is, whatever was declared: pictures must be one of the
 * raster formats, voice and video a known container; files may be anything (they are always
 * downloaded as attachments).
 */
final class ContentSniffer {
    static final int BYTES_NEEDED = 32;

    private ContentSniffer() {}

    /** The picture type of these bytes (image/jpeg, png, gif, webp), or null. */
    static String imageType(byte[] b) {
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (ascii(b, 0, "GIF87a") || ascii(b, 0, "GIF89a")) {
            return "image/gif";
        }
        if (ascii(b, 0, "RIFF") && ascii(b, 8, "WEBP")) {
            return "image/webp";
        }
        return null;
    }

    /** True when these bytes start like the declared kind: a picture, or a sound or video container. */
    static boolean looksLike(String kind, byte[] b) {
        return switch (kind) {
            case "image" -> imageType(b) != null;
            case "audio" -> isAudio(b) || isVideoContainer(b);
            case "video" -> isVideoContainer(b);
            default -> true;
        };
    }

    private static boolean isAudio(byte[] b) {
        return ascii(b, 0, "ID3")
                || (b.length > 1 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xE0) == 0xE0) // MPEG audio / ADTS frame sync
                || ascii(b, 0, "OggS")
                || ascii(b, 0, "fLaC")
                || ascii(b, 0, "#!AMR")
                || (ascii(b, 0, "RIFF") && ascii(b, 8, "WAVE"));
    }

    /** ISO base media (mp4, m4a, mov) or Matroska/WebM. */
    private static boolean isVideoContainer(byte[] b) {
        return ascii(b, 4, "ftyp")
                || ascii(b, 4, "moov")
                || ascii(b, 4, "wide")
                || ascii(b, 4, "mdat")
                || starts(b, 0x1A, 0x45, 0xDF, 0xA3);
    }

    private static boolean starts(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean ascii(byte[] b, int offset, String text) {
        byte[] expected = text.getBytes(StandardCharsets.US_ASCII);
        if (b.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (b[offset + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
