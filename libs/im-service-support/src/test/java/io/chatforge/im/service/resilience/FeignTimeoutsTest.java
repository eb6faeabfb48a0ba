package io.chatforge.im.service.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import feign.RetryableException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Feign timeouts as the services configure them: keyed by the client's contextId, and otherwise
 * the platform default from im-service-defaults.yml. A service that accepts the connection and
 * never answers must fail the call within the read timeout, not Feign's own 60 s.
 */
class FeignTimeoutsTest {
    private ServerSocket silent;
    private final List<Socket> held = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startASilentService() throws IOException {
        silent = new ServerSocket(0);
        Thread acceptor = new Thread(() -> {
            while (!silent.isClosed()) {
                try {
                    held.add(silent.accept()); // never read, never answer
                } catch (IOException closed) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void stop() throws IOException {
        silent.close();
        for (Socket s : held) {
            s.close();
        }
    }

    @Test
    void aClientWithoutItsOwnEntry_getsThePlatformDefault() {
        try (var context = start()) {
            StubClients.Plain client = context.getBean(StubClients.Plain.class);
            assertFailsWithin(client::call, Duration.ofMillis(3000));
        }
    }

    @Test
    void anEntryKeyedByContextId_appliesToThatClient() {
        try (var context = start("spring.cloud.openfeign.client.config.tunedClient.read-timeout=400")) {
            StubClients.Tuned client = context.getBean(StubClients.Tuned.class);
            assertFailsWithin(client::call, Duration.ofMillis(400));
        }
    }

    private static void assertFailsWithin(Runnable call, Duration readTimeout) {
        long start = System.nanoTime();
        assertThatThrownBy(call::run).isInstanceOf(RetryableException.class);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).isGreaterThanOrEqualTo(readTimeout.minusMillis(50));
        assertThat(took).isLessThan(readTimeout.plusMillis(1500));
    }

    private ConfigurableApplicationContext start(String... properties) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "--spring.cloud.discovery.client.simple.instances.stub-service[0].uri=http://127.0.0.1:"
                        + silent.getLocalPort(),
                "--spring.cloud.loadbalancer.cache.enabled=false",
                // command-line arguments win over im-service-defaults.yml's own exclusions
                "--spring.autoconfigure.exclude="
                        + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                        + "org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration,"
                        + "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration,"
                        + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration,"
                        + "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration"));
        for (String property : properties) {
            args.add("--" + property);
        }
        return new SpringApplicationBuilder(StubClients.class)
                .web(WebApplicationType.NONE)
                .run(args.toArray(String[]::new));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @EnableFeignClients(clients = {StubClients.Plain.class, StubClients.Tuned.class})
    static class StubClients {

        @FeignClient(name = "stub-service", contextId = "plainClient")
        interface Plain {
            @GetMapping("/anything")
            String call();
        }

        @FeignClient(name = "stub-service", contextId = "tunedClient")
        interface Tuned {
            @GetMapping("/anything")
            String call();
        }
    }
}
