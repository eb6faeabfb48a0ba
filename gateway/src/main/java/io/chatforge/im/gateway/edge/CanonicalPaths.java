package io.chatforge.im.gateway.edge;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.util.UriUtils;

/**
 * The one spelling of a request path that routes, security rules, rate limits and the services
 * all see: percent-escapes decoded (and re-encoded only where needed), empty segments and a
 * trailing slash dropped. Paths that could mean something else to a service than to the gateway
 * are refused: dot segments, path parameters ({@code ;}), encoded slashes or backslashes, escapes
 * that decode to another escape, and control characters.
 */
final class CanonicalPaths {

    private CanonicalPaths() {}

    /** The canonical, encoded form of a raw (as received) path. */
    static String canonical(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        List<String> segments = new ArrayList<>();
        for (String raw : rawPath.split("/", -1)) {
            if (raw.isEmpty()) {
                continue;
            }
            if (raw.indexOf(';') >= 0) {
                throw new MalformedPath("path parameters (;) are not accepted");
            }
            String decoded;
            try {
                decoded = UriUtils.decode(raw, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new MalformedPath("the path has a broken %-escape");
            }
            if (decoded.equals(".") || decoded.equals("..")) {
                throw new MalformedPath("dot segments are not accepted");
            }
            for (int i = 0; i < decoded.length(); i++) {
                char c = decoded.charAt(i);
                if (c == '/' || c == '\\' || c == '%' || c < 0x20 || c == 0x7f || c == ';') {
                    throw new MalformedPath("the path has an encoded separator or control character");
                }
            }
            segments.add(UriUtils.encodePathSegment(decoded, StandardCharsets.UTF_8));
        }
        return "/" + String.join("/", segments);
    }

    /** A path the gateway refuses (400). */
    static final class MalformedPath extends RuntimeException {
        MalformedPath(String message) {
            super(message, null, false, false);
        }
    }
}
