package io.chatforge.im.media.upload;

import java.util.Map;

/** {@code POST /api/media}'s answer: where to PUT the bytes, with which headers, until when. */
record UploadTicket(String mediaId, Upload upload, long expiresAt) {
    record Upload(String method, String url, Map<String, String> headers) {}
}
