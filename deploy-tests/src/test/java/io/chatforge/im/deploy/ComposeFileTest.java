package io.chatforge.im.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** docker-compose.yml: the one-host deployment, checked against the services' configuration. */
class ComposeFileTest {
    private static final Set<String> INFRASTRUCTURE = Set.of("mysql", "redis", "kafka", "minio");

    private final Map<String, Object> compose = Repo.yaml(Repo.path("docker-compose.yml"));

    @Test
    void runsTheSixServicesAndTheirInfrastructure() {
        assertThat(services().keySet())
                .containsAll(ServiceCatalog.NAMES)
                .containsAll(INFRASTRUCTURE)
                .hasSize(ServiceCatalog.NAMES.size() + INFRASTRUCTURE.size());
        assertThat(image("mysql")).startsWith("mysql:8");
        assertThat(String.valueOf(service("mysql").get("command"))).contains("--character-set-server=utf8mb4");
        assertThat(image("redis")).startsWith("redis:7");
        assertThat(image("kafka")).startsWith("apache/kafka:");
        assertThat(String.valueOf(environment("kafka").get("KAFKA_PROCESS_ROLES")))
                .as("KRaft")
                .contains("controller");
    }

    @Test
    void eachServiceIsBuiltFromItsModuleIntoItsOwnImage() {
        for (ServiceCatalog.Service s : ServiceCatalog.all()) {
            assertThat(image(s.name())).startsWith("chatforge/" + s.name() + ":");
            Map<String, Object> args = map(map(service(s.name()).get("build")).get("args"));
            assertThat(args.get("SERVICE")).isEqualTo(s.name());
            assertThat(args.get("HEALTH_PORT"))
                    .as("%s HEALTHCHECK port", s.name())
                    .isEqualTo(Integer.toString(s.healthPort()));
        }
    }

    @Test
    void everythingHasAHealthcheckAndStartsAfterWhatItNeedsIsHealthy() {
        for (String name : services().keySet()) {
            assertThat(service(name).get("healthcheck"))
                    .as("%s healthcheck", name)
                    .isNotNull();
            assertThat(map(service(name).get("deploy")).toString())
                    .as("%s memory limit", name)
                    .contains("memory=");
            Map<String, Object> dependsOn = map(service(name).getOrDefault("depends_on", Map.of()));
            dependsOn.forEach((dependency, condition) -> {
                assertThat(services()).as("%s depends on %s", name, dependency).containsKey(dependency);
                assertThat(map(condition)).containsEntry("condition", "service_healthy");
            });
        }
        for (ServiceCatalog.Service s : ServiceCatalog.all()) {
            String test =
                    String.valueOf(map(service(s.name()).get("healthcheck")).get("test"));
            assertThat(test).contains("http://127.0.0.1:" + s.healthPort() + "/actuator/health/readiness");
            Set<String> needed =
                    map(service(s.name()).getOrDefault("depends_on", Map.of())).keySet();
            if (s.usesDatabase()) {
                assertThat(needed).as("%s waits for MySQL", s.name()).contains("mysql");
            }
            if (s.reads().contains("IM_KAFKA_BOOTSTRAP")) {
                assertThat(needed).as("%s waits for Kafka", s.name()).contains("kafka");
            }
        }
    }

    @Test
    void onlyTheGatewayIsPublished() {
        services().forEach((name, definition) -> {
            if (name.equals("gateway")) {
                assertThat(map(definition).get("ports")).isEqualTo(List.of("8080:8080"));
            } else {
                assertThat(map(definition)).as("%s ports", name).doesNotContainKey("ports");
            }
        });
    }

    @Test
    void everyVariableSetIsOneTheServiceReadsAndAddressesPointAtComposeServices() {
        for (ServiceCatalog.Service s : ServiceCatalog.all()) {
            Map<String, Object> env = environment(s.name());
            assertThat(env.keySet())
                    .as("%s: variables its configuration does not read", s.name())
                    .allMatch(s::reads);
            env.forEach((name, value) -> {
                String text = String.valueOf(value);
                if (name.matches(".*(PASSWORD|TOKEN|PRIVATE_KEY).*")) {
                    assertThat(text).as("%s %s comes from .env", s.name(), name).matches("\\$\\{[A-Z_]+:\\?.+}");
                }
                if (name.endsWith("_URL") || name.endsWith("_URLS") || name.equals("IM_AUTH_JWKS_URI")) {
                    URI uri = URI.create(text);
                    assertThat(services()).as("%s %s", s.name(), name).containsKey(uri.getHost());
                    assertThat(uri.getPort())
                            .isEqualTo(ServiceCatalog.get(uri.getHost()).port());
                }
            });
            if (s.reads().contains("IM_INTERNAL_TOKEN") && !s.name().equals("gateway")) {
                assertThat(env).as("%s internal token", s.name()).containsKey("IM_INTERNAL_TOKEN");
            }
            if (s.usesDatabase()) {
                assertThat(env).containsEntry("IM_DB_HOST", "mysql").containsKey("IM_DB_PASSWORD");
            }
        }
        assertThat(environment("auth-service")).containsKey("IM_AUTH_JWT_PRIVATE_KEY");
    }

    @Test
    void dataLivesInNamedVolumes() {
        Set<String> declared = map(compose.get("volumes")).keySet();
        for (String part : INFRASTRUCTURE) {
            @SuppressWarnings("unchecked")
            List<String> volumes = (List<String>) service(part).get("volumes");
            String named =
                    volumes.stream().filter(v -> !v.startsWith(".")).findFirst().orElseThrow();
            assertThat(declared).contains(named.substring(0, named.indexOf(':')));
        }
        assertThat(Repo.read(Repo.path(".gitignore")).lines())
                .as(".env is never committed")
                .contains(".env");
    }

    private Map<String, Object> services() {
        return map(compose.get("services"));
    }

    private Map<String, Object> service(String name) {
        return map(services().get(name));
    }

    private String image(String name) {
        return String.valueOf(service(name).get("image"));
    }

    private Map<String, Object> environment(String name) {
        return map(service(name).getOrDefault("environment", Map.of()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }
}
