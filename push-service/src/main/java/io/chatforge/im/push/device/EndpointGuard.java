package io.chatforge.im.push.device;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Which Web Push endpoints this service may call: a user supplies the URL, so without a guard it
 * would make requests to anything the service can reach (request forgery). Only https endpoints
 * on the allowed push services (exact host, or {@code *.suffix} for their subdomains), default
 * port, no user info; with {@code allowLoopback} (local runs, tests) also http or https on
 * 127.0.0.1, [::1] and localhost.
 */
public final class EndpointGuard {
    private final List<String> allowedHosts;
    private final boolean allowLoopback;

    public EndpointGuard(List<String> allowedHosts, boolean allowLoopback) {
        this.allowedHosts = allowedHosts.stream()
                .map(h -> h.trim().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty())
                .toList();
        this.allowLoopback = allowLoopback;
    }

    public boolean allows(String endpoint) {
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (Exception malformed) {
            return false;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (uri.getRawUserInfo() != null || host.isEmpty() || uri.getRawFragment() != null) {
            return false;
        }
        if (allowLoopback && isLoopback(host) && (scheme.equals("http") || scheme.equals("https"))) {
            return true;
        }
        if (!scheme.equals("https") || (uri.getPort() != -1 && uri.getPort() != 443)) {
            return false;
        }
        return allowedHosts.stream()
                .anyMatch(allowed -> allowed.startsWith("*.")
                        ? host.endsWith(allowed.substring(1)) && host.length() > allowed.length() - 1
                        : host.equals(allowed));
    }

    private static boolean isLoopback(String host) {
        return host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("localhost");
    }
}
