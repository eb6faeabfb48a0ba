package io.chatforge.im.gateway.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Request budgets enforced in Redis (shared by all gateway instances).
 *
 * @param loginPerIp login attempts per client address
 * @param loginPerUsername login attempts per (canonical) username, whoever sends them
 * @param registerPerIp registrations per client address
 * @param registerPerUsername registration attempts per (canonical) username, whoever sends them
 * @param perUser any authenticated request, per user
 * @param websocketPerIp WebSocket handshakes per client address (the connector checks the token)
 * @param perAnonymousIp any other request without a token, per client address
 * @param trustedProxyHops how many reverse proxies in front of the gateway append to
 *     X-Forwarded-For; 0 trusts no header and uses the connection's address
 */
@ConfigurationProperties("im.gateway.rate-limits")
record RateLimitProperties(
        @DefaultValue({"30", "1m"}) Limit loginPerIp,
        @DefaultValue({"10", "1m"}) Limit loginPerUsername,
        @DefaultValue({"10", "1m"}) Limit registerPerIp,
        @DefaultValue({"5", "1m"}) Limit registerPerUsername,
        @DefaultValue({"200", "10s"}) Limit perUser,
        @DefaultValue({"300", "10s"}) Limit websocketPerIp,
        @DefaultValue({"100", "10s"}) Limit perAnonymousIp,
        @DefaultValue("0") int trustedProxyHops) {

    record Limit(int requests, Duration window) {}
}
