package io.chatforge.im.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The image recipe (Dockerfile): what runs in every service's container. */
class DockerfileTest {
    private final List<String> lines =
            Repo.read(Repo.path("Dockerfile")).lines().toList();

    @Test
    void runsOnAnOfficialJreAsANonRootUserWithHeapSizedFromTheContainer() {
        List<String> from = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
        assertThat(from.get(from.size() - 1)).as("runtime stage").startsWith("FROM eclipse-temurin:17-jre");
        assertThat(from).as("multi-stage").hasSizeGreaterThan(1);
        assertThat(lines).anyMatch(l -> l.matches("USER [1-9][0-9]*(:[0-9]+)?"));
        assertThat(String.join("\n", lines)).contains("-XX:MaxRAMPercentage=");
        assertThat(lines).anyMatch(l -> l.startsWith("HEALTHCHECK "));
        assertThat(String.join("\n", lines)).contains("/actuator/health/readiness");
        assertThat(lines.stream().filter(l -> l.startsWith("ENTRYPOINT ")))
                .as("exec form, so java gets SIGTERM and shuts down gracefully")
                .singleElement()
                .satisfies(l -> assertThat(l).startsWith("ENTRYPOINT [\"java\""));
    }

    @Test
    void buildsAnyOfTheSixServicesAndPackagesTheWebClientIntoTheGateway() {
        assertThat(lines).contains("ARG SERVICE=gateway");
        assertThat(String.join("\n", lines)).contains("-pl \"$SERVICE\" -am package");
        assertThat(String.join("\n", lines)).contains("COPY --from=web /src/clients/web/dist clients/web/dist");
        assertThat(Repo.read(Repo.path("gateway/pom.xml"))).contains("clients/web/dist");
        for (String service : ServiceCatalog.NAMES) {
            assertThat(Repo.path(service + "/pom.xml")).exists();
        }
    }
}
