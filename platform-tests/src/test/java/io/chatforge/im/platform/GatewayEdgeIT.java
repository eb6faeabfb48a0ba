package io.chatforge.im.platform;

import static io.chatforge.im.platform.AccountBadInputIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the gateway adds at the edge: no internal paths, no spoofed identity, budgets, CORS. */
class GatewayEdgeIT {
    private final Platform platform = Platform.get();
    private final ApiClient api = platform.client();

    @Test
    void internalEndpoints_areNotReachableFromOutside() {
        var account = Accounts.registerAndLogin(api, "outside");
        var withToken = api.send(
                "POST",
                "/internal/users/batch",
                Map.of("ids", new long[] {account.userId()}),
                account.accessToken(),
                Map.of("X-Internal-Token", "dev-internal-token-not-for-production"));
        assertThat(withToken.status()).isIn(403, 404);
        assertThat(withToken.contentType()).startsWith("application/problem+json");
        assertThat(withToken.body()).doesNotContain(account.username());
    }

    @Test
    void onlyTheGateway_listensBeyondThisMachine() throws Exception {
        java.net.InetAddress external =
                java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
                        .filter(n -> {
                            try {
                                return n.isUp() && !n.isLoopback();
                            } catch (java.net.SocketException e) {
                                return false;
                            }
                        })
                        .flatMap(n -> java.util.Collections.list(n.getInetAddresses()).stream())
                        .filter(a -> a instanceof java.net.Inet4Address)
                        .findFirst()
                        .orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(external != null, "this machine has no non-loopback address");
        for (var service : java.util.List.of(platform.message, platform.auth, platform.connectorA)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> new java.net.Socket(external, service.port()).close())
                    .as("%s on %s", service.name(), external)
                    .isInstanceOf(java.net.ConnectException.class);
        }
        try (var reachable = new java.net.Socket(external, platform.gateway.port())) {
            assertThat(reachable.isConnected()).isTrue();
        }
    }

    @Test
    void identityHeadersFromClients_areIgnored() {
        var alice = Accounts.registerAndLogin(api, "alice");
        var mallory = Accounts.registerAndLogin(api, "mallory");
        var me = api.send(
                "GET",
                "/api/users/me",
                null,
                mallory.accessToken(),
                Map.of("X-User-Id", Long.toString(alice.userId())));
        assertThat(me.json().get("id").asLong()).isEqualTo(mallory.userId());
    }

    @Test
    void eachUserHasARequestBudget() {
        var busy = Accounts.registerAndLogin(api, "busy");
        var calm = Accounts.registerAndLogin(api, "calm");
        int limited = 0;
        ApiClient.Response last = null;
        for (int i = 0; i < Platform.Limits.PER_USER + 5; i++) {
            last = api.get("/api/users/me", busy.accessToken());
            if (last.status() == 429) {
                limited++;
            }
        }
        assertThat(limited).as("requests past the budget").isBetween(5, Platform.Limits.PER_USER);
        assertProblem(last, 429, "rate_limited");
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
        assertThat(api.get("/api/users/me", calm.accessToken()).status())
                .as("other users are not affected")
                .isEqualTo(200);
    }

    @Test
    void browsersFromAllowedOrigins_passThePreflight_othersDoNot() {
        var preflight = Map.of(
                "Origin", "http://localhost:5173",
                "Access-Control-Request-Method", "PATCH",
                "Access-Control-Request-Headers", "authorization,content-type");
        var allowed = api.send("OPTIONS", "/api/users/me", null, null, preflight);
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains("http://localhost:5173");

        var foreign = api.send(
                "OPTIONS",
                "/api/users/me",
                null,
                null,
                Map.of("Origin", "https://evil.example", "Access-Control-Request-Method", "GET"));
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void unknownPaths_areA404Problem() {
        assertProblem(
                api.get(
                        "/api/nothing-here",
                        Accounts.registerAndLogin(api, "lost").accessToken()),
                404,
                "not_found");
    }
}
