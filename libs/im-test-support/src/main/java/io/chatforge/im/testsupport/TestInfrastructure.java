package io.chatforge.im.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.testcontainers.DockerClientFactory;

/**
 * The real MySQL-compatible server, Redis and Kafka broker that integration tests use.
 *
 * <p>Taken from the environment when set ({@code IM_DB_HOST}, {@code IM_DB_PORT}, {@code
 * IM_DB_USER}, {@code IM_DB_PASSWORD}, {@code IM_REDIS_HOST}, {@code IM_REDIS_PORT}, {@code
 * IM_KAFKA_BOOTSTRAP}, {@code IM_S3_ENDPOINT}, {@code IM_S3_ACCESS_KEY}, {@code IM_S3_SECRET_KEY}:
 * what {@code scripts/test.sh} exports after {@code scripts/infra.sh up}, the S3 API being the
 * embedded s3proxy). Otherwise, when a Docker engine is available, Testcontainers starts MySQL 8,
 * Redis 7, Kafka and MinIO.
 * With neither, tests fail at once and say how to start the servers. Never an in-memory stand-in.
 */
public final class TestInfrastructure {
    private static TestInfrastructure instance;

    private final Endpoints endpoints;
    private final List<String> createdDatabases = new ArrayList<>();

    private TestInfrastructure(Endpoints endpoints) {
        this.endpoints = endpoints;
        Runtime.getRuntime().addShutdownHook(new Thread(this::dropCreatedDatabases, "drop-test-databases"));
    }

    public static synchronized TestInfrastructure get() {
        if (instance == null) {
            instance = new TestInfrastructure(resolve());
        }
        return instance;
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    /** A new empty database for one test run, dropped when the JVM exits. */
    public synchronized String newDatabase(String purpose) {
        String name = ("im_t_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_]", "_");
        execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        createdDatabases.add(name);
        return name;
    }

    /**
     * A Redis database (1 to 15) of its own, emptied first, so that keys of an earlier run (user
     * ids restart in fresh schemas) cannot leak into this one. Database 0 is left to development.
     */
    public int freshRedisDatabase() {
        int index = 1 + java.util.concurrent.ThreadLocalRandom.current().nextInt(15);
        flushRedisDatabase(index);
        return index;
    }

    /** Empties one Redis database, as an operator's FLUSHDB or a Redis restart without persistence would. */
    public void flushRedisDatabase(int index) {
        try (var socket = new java.net.Socket(endpoints.redisHost(), endpoints.redisPort())) {
            socket.setSoTimeout(5000);
            var out = socket.getOutputStream();
            out.write(("SELECT " + index + "\r\nFLUSHDB\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream()));
            String selected = in.readLine();
            String flushed = in.readLine();
            if (!"+OK".equals(selected) || !"+OK".equals(flushed)) {
                throw new IllegalStateException("Redis refused SELECT/FLUSHDB: " + selected + " " + flushed);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot reach Redis", e);
        }
    }

    private void dropCreatedDatabases() {
        for (String name : createdDatabases) {
            try {
                execute("DROP DATABASE IF EXISTS `" + name + "`");
            } catch (RuntimeException ignored) {
                // best effort at shutdown
            }
        }
    }

    /** The first column of every row a query returns, as text (null for SQL NULL). */
    public java.util.List<String> column(String database, String sql, Object... args) {
        String url = "jdbc:mysql://" + endpoints.dbHost() + ":" + endpoints.dbPort() + "/" + database
                + "?sslMode=DISABLED&allowPublicKeyRetrieval=true";
        try (Connection c = DriverManager.getConnection(url, endpoints.dbUser(), endpoints.dbPassword());
                var s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            java.util.List<String> values = new java.util.ArrayList<>();
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on " + url + ": " + e.getMessage(), e);
        }
    }

    private void execute(String sql) {
        String url = "jdbc:mysql://" + endpoints.dbHost() + ":" + endpoints.dbPort()
                + "/?sslMode=DISABLED&allowPublicKeyRetrieval=true";
        try (Connection c = DriverManager.getConnection(url, endpoints.dbUser(), endpoints.dbPassword());
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on " + url + ": " + e.getMessage(), e);
        }
    }

    private static Endpoints resolve() {
        String dbHost = System.getenv("IM_DB_HOST");
        String redisHost = System.getenv("IM_REDIS_HOST");
        String kafka = System.getenv("IM_KAFKA_BOOTSTRAP");
        if (dbHost != null && redisHost != null && kafka != null) {
            return new Endpoints(
                    dbHost,
                    Integer.parseInt(env("IM_DB_PORT", "3306")),
                    env("IM_DB_USER", "im"),
                    env("IM_DB_PASSWORD", "im"),
                    redisHost,
                    Integer.parseInt(env("IM_REDIS_PORT", "6379")),
                    kafka,
                    env("IM_S3_ENDPOINT", "http://127.0.0.1:9000"),
                    env("IM_S3_ACCESS_KEY", "im-local"),
                    env("IM_S3_SECRET_KEY", "im-local-secret-key"));
        }
        if (dockerAvailable()) {
            return Containers.start();
        }
        throw new IllegalStateException("""
                Integration tests need a MySQL-compatible server, Redis and Kafka, and found neither \
                IM_DB_HOST/IM_REDIS_HOST/IM_KAFKA_BOOTSTRAP in the environment nor a Docker engine for \
                Testcontainers. Run the tests with scripts/test.sh (it starts them), or start them with \
                scripts/infra.sh up and then: eval "$(scripts/infra.sh env)".""");
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Where the servers are. */
    public record Endpoints(
            String dbHost,
            int dbPort,
            String dbUser,
            String dbPassword,
            String redisHost,
            int redisPort,
            String kafkaBootstrap,
            String s3Endpoint,
            String s3AccessKey,
            String s3SecretKey) {}
}
