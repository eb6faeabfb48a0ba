package io.chatforge.im.media.storage;

import java.net.URL;

/**
 * Turns a presigned URL for the internal endpoint into the one a client uses: same path and
 * query (the signature covers them), on the public base, or on the origin the client's request
 * came through when no base is set. The gateway forwards the bucket's path to the store with the
 * store's own host, so the signature still matches.
 */
public class PublicUrls {
    private final String base;

    public PublicUrls(String base) {
        this.base = base == null || base.isBlank() ? null : stripSlash(base);
    }

    public String of(URL presigned, String requestOrigin) {
        String origin = base != null ? base : stripSlash(requestOrigin);
        String query = presigned.getQuery();
        return origin + presigned.getPath() + (query == null ? "" : "?" + query);
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
