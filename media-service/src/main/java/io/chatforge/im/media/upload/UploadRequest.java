package io.chatforge.im.media.upload;

/** {@code POST /api/media}: what the client is about to upload ({@code durationMs} as it measured). */
record UploadRequest(String kind, String contentType, Long size, String fileName, Long durationMs) {}
