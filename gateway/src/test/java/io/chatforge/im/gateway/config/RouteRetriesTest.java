package io.chatforge.im.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The gateway retries only what is safe to repeat (GET), and with jittered exponential backoff, so
 * a failing service is not hit again at once by every gateway in step. Read from the configuration
 * the gateway runs with.
 */
class RouteRetriesTest {

    @Test
    void everyRetry_isForGetOnly_withJitteredBackoff() throws Exception {
        List<Map<String, Object>> retries = retryFilters();
        assertThat(retries).as("routes that retry").hasSizeGreaterThanOrEqualTo(3);
        for (Map<String, Object> args : retries) {
            assertThat(String.valueOf(args.get("methods")).split(",\\s*")).containsExactly("GET");
            @SuppressWarnings("unchecked")
            Map<String, Object> backoff = (Map<String, Object>) args.get("backoff");
            assertThat(backoff).as("backoff of %s", args).isNotNull();
            assertThat(backoff.get("firstBackoff")).isNotNull();
            assertThat(((Number) backoff.get("factor")).intValue()).isGreaterThanOrEqualTo(2);
            @SuppressWarnings("unchecked")
            Map<String, Object> jitter = (Map<String, Object>) args.get("jitter");
            assertThat(((Number) jitter.get("randomFactor")).doubleValue()).isBetween(0.1, 1.0);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> retryFilters() throws Exception {
        try (InputStream in = RouteRetriesTest.class.getResourceAsStream("/application.yml")) {
            Map<String, Object> root = new Yaml().load(in);
            Map<String, Object> gateway = (Map<String, Object>)
                    ((Map<String, Object>) ((Map<String, Object>) root.get("spring")).get("cloud")).get("gateway");
            Map<String, Object> webflux =
                    (Map<String, Object>) ((Map<String, Object>) gateway.get("server")).get("webflux");
            List<Map<String, Object>> found = new ArrayList<>();
            for (Map<String, Object> route : (List<Map<String, Object>>) webflux.get("routes")) {
                for (Object filter : (List<Object>) route.getOrDefault("filters", List.of())) {
                    if (filter instanceof Map<?, ?> f && "Retry".equals(f.get("name"))) {
                        found.add((Map<String, Object>) f.get("args"));
                    }
                }
            }
            return found;
        }
    }
}
