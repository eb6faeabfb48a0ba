package io.chatforge.im.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JavaScript clients against this test platform: the SDK's integration test (Node.js) and the
 * web client's browser tests (playwright-core driving Chromium), both run with npm in clients/.
 * scripts/test.sh builds the clients first and makes them required; a bare {@code mvn verify}
 * without a clients build skips these with a message instead.
 */
class ClientsIT {
    private static final Path ROOT =
            Path.of(System.getProperty("im.platform.root", "..")).toAbsolutePath();
    private static final Path CLIENTS = ROOT.resolve("clients");
    private static final Path ARTIFACTS = ROOT.resolve("platform-tests/target/e2e-artifacts");

    private static Platform platform;

    @BeforeAll
    static void clientsBuilt() {
        boolean built = Files.isDirectory(CLIENTS.resolve("node_modules"))
                && Files.isRegularFile(CLIENTS.resolve("web/dist/index.html"));
        if (Boolean.getBoolean("im.clients.required")) {
            assertThat(built)
                    .as("clients/ is not built: run scripts/clients.sh build")
                    .isTrue();
        }
        assumeTrue(built, "clients/ is not built (scripts/clients.sh build); skipping the JavaScript client tests");
        platform = Platform.get();
    }

    @Test
    void sdkWorksAgainstThePlatform() throws Exception {
        NpmRun run = npm("run", "test:integration");
        assertThat(run.exitCode()).as("SDK integration test:%n%s", run.tail()).isZero();
        assertThat(run.output()).as(run.tail()).contains("4 passed").doesNotContain("skipped");
    }

    @Test
    void webClientWorksInABrowser() throws Exception {
        NpmRun run = npm("run", "test:e2e");
        assertThat(run.exitCode()).as("browser tests:%n%s", run.tail()).isZero();
        assertThat(run.output()).as(run.tail()).contains("5 passed").doesNotContain("skipped");
        try (var screenshots = Files.list(ARTIFACTS)) {
            assertThat(screenshots.filter(p -> p.toString().endsWith(".png")))
                    .as("screenshots in %s", ARTIFACTS)
                    .isNotEmpty();
        }
    }

    private static NpmRun npm(String... args) throws IOException, InterruptedException {
        Path log = Files.createTempFile("npm-", ".log");
        var command = new ArrayList<>(List.of("npm", "--silent"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(CLIENTS.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("IM_GATEWAY", "http://127.0.0.1:" + platform.gateway.port());
        builder.environment().put("IM_E2E_ARTIFACTS", ARTIFACTS.toString());
        builder.environment().put("NO_COLOR", "1");
        Process process = builder.start();
        boolean finished = process.waitFor(6, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly().waitFor();
        }
        String output = Files.readString(log);
        Files.deleteIfExists(log);
        return new NpmRun(finished ? process.exitValue() : -1, output);
    }

    /** What one npm command printed and how it ended. */
    private record NpmRun(int exitCode, String output) {
        String tail() {
            String[] lines = output.split("\n");
            return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 60), lines.length));
        }
    }
}
