package io.chatforge.im.testsupport;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mysql.MySQLContainer;
import org.testcontainers.utility.DockerImageName;

/** Testcontainers fallback for machines with a Docker engine and no local servers. */
final class Containers {
    private Containers() {}

    @SuppressWarnings("resource") // live until the JVM exits (Ryuk removes them)
    static TestInfrastructure.Endpoints start() {
        var mysql = new MySQLContainer(DockerImageName.parse("mysql:8.4"))
                .withUsername("root")
                .withPassword("im")
                .withCommand("--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci");
        var redis = new GenericContainer<>(DockerImageName.parse("redis:7-alpine")).withExposedPorts(6379);
        var kafka = new KafkaContainer(DockerImageName.parse("apache/kafka:4.1.1"));
        var minio = new GenericContainer<>(DockerImageName.parse("minio/minio:RELEASE.2025-09-07T16-13-09Z"))
                .withEnv("MINIO_ROOT_USER", "im-test")
                .withEnv("MINIO_ROOT_PASSWORD", "im-test-secret-key")
                .withCommand("server", "/data")
                .withExposedPorts(9000);
        mysql.start();
        redis.start();
        kafka.start();
        minio.start();
        return new TestInfrastructure.Endpoints(
                mysql.getHost(),
                mysql.getMappedPort(3306),
                "root",
                "im",
                redis.getHost(),
                redis.getMappedPort(6379),
                kafka.getBootstrapServers(),
                "http://" + minio.getHost() + ":" + minio.getMappedPort(9000),
                "im-test",
                "im-test-secret-key");
    }
}
