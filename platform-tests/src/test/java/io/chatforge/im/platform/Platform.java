package io.chatforge.im.platform;

import io.chatforge.im.testsupport.FreePorts;
import io.chatforge.im.testsupport.ServiceProcess;
import io.chatforge.im.testsupport.TestInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The platform under test: gateway, auth-, user-, friend-, message-, media- and push-service and two connectors,
 * each its own JVM from its
 * exec jar, on free ports, against the real test servers, with fresh databases. Started once per
 * test JVM and stopped when it exits. Tests reach it only through the gateway, like clients.
 */
final class Platform {
    private static Platform instance;

    final ServiceProcess gateway;
    final ServiceProcess auth;
    final ServiceProcess user;
    final ServiceProcess friend;
    final ServiceProcess message;
    final ServiceProcess media;
    final ServiceProcess push;
    final ServiceProcess connectorA;
    final ServiceProcess connectorB;
    final String internalToken = "test-internal-" + UUID.randomUUID();
    final Path devKeyFile;
    final int redisDatabase;
    /** message-service's schema, for tests that check what is stored (a recall erases content) */
    final String messageDatabase;
    /** media-service's schema, and the bucket this run's objects go to */
    final String mediaDatabase;

    /** Web Push endpoints, FCM and APNs, all on one local fake */
    final FakePushService pushServices = new FakePushService();

    final PushCredentials pushCredentials = new PushCredentials(pushServices.base() + "/token");

    final String mediaBucket = "im-media-t-" + UUID.randomUUID().toString().substring(0, 8);

    private Platform() {
        var infra = TestInfrastructure.get();
        var e = infra.endpoints();
        Path root = Path.of(System.getProperty("im.platform.root", ".."));
        String version = System.getProperty("im.platform.version", "0.1.0-SNAPSHOT");
        Path work = root.resolve("platform-tests/target/platform");
        Path logs = work.resolve("logs");
        try {
            Files.createDirectories(logs);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        devKeyFile = work.resolve("dev-jwt-key-" + UUID.randomUUID() + ".pem");

        int gatewayPort = FreePorts.next();
        int gatewayManagementPort = FreePorts.next();
        int authPort = FreePorts.next();
        int userPort = FreePorts.next();
        int friendPort = FreePorts.next();
        int messagePort = FreePorts.next();
        int mediaPort = FreePorts.next();
        int pushPort = FreePorts.next();
        int connectorPortA = FreePorts.next();
        int connectorPortB = FreePorts.next();
        Map<String, String> env = new HashMap<>();
        env.put("SPRING_PROFILES_ACTIVE", "dev");
        env.put("IM_DB_HOST", e.dbHost());
        env.put("IM_DB_PORT", Integer.toString(e.dbPort()));
        env.put("IM_DB_USER", e.dbUser());
        env.put("IM_DB_PASSWORD", e.dbPassword());
        env.put("IM_REDIS_HOST", e.redisHost());
        env.put("IM_REDIS_PORT", Integer.toString(e.redisPort()));
        redisDatabase = infra.freshRedisDatabase();
        env.put("IM_REDIS_DATABASE", Integer.toString(redisDatabase));
        env.put("IM_KAFKA_BOOTSTRAP", e.kafkaBootstrap());
        env.put("IM_INTERNAL_TOKEN", internalToken);
        env.put("IM_AUTH_JWKS_URI", "http://127.0.0.1:" + authPort + "/api/auth/.well-known/jwks.json");
        env.put("IM_AUTH_SERVICE_URL", "http://127.0.0.1:" + authPort);
        env.put("IM_USER_SERVICE_URL", "http://127.0.0.1:" + userPort);
        env.put("IM_FRIEND_SERVICE_URL", "http://127.0.0.1:" + friendPort);
        env.put("IM_FRIEND_PORT", Integer.toString(friendPort));
        env.put("IM_FRIEND_DB", infra.newDatabase("friend"));
        env.put("IM_MESSAGE_SERVICE_URL", "http://127.0.0.1:" + messagePort);
        env.put("IM_MESSAGE_PORT", Integer.toString(messagePort));
        messageDatabase = infra.newDatabase("message");
        env.put("IM_MESSAGE_DB", messageDatabase);
        String group = "platform-test-" + UUID.randomUUID();
        env.put("IM_MESSAGE_CONSUMER_GROUP", group);
        for (String stream : List.of("inbound", "social", "presence")) {
            KafkaGroups.startAtEnd(e.kafkaBootstrap(), group + "-" + stream, List.of("im." + stream));
        }
        env.put("IM_MEDIA_SERVICE_URL", "http://127.0.0.1:" + mediaPort);
        env.put("IM_MEDIA_PORT", Integer.toString(mediaPort));
        mediaDatabase = infra.newDatabase("media");
        env.put("IM_MEDIA_DB", mediaDatabase);
        env.put("IM_S3_ENDPOINT", e.s3Endpoint());
        env.put("IM_S3_ACCESS_KEY", e.s3AccessKey());
        env.put("IM_S3_SECRET_KEY", e.s3SecretKey());
        // a bucket of this run's own, so the sweeper of one run never sees another's objects
        env.put("IM_S3_BUCKET", mediaBucket);
        env.put("IM_MEDIA_UPLOAD_URL_TTL", Limits.UPLOAD_URL_TTL.toSeconds() + "s");
        env.put("IM_MEDIA_MAX_IMAGE", Limits.MAX_IMAGE_BYTES + "B");
        env.put("IM_MEDIA_QUOTA_PER_USER", Limits.MEDIA_QUOTA_BYTES + "B");
        env.put("IM_MEDIA_ORPHAN_AGE", Limits.MEDIA_ORPHAN_AGE.toSeconds() + "s");
        env.put("IM_MEDIA_CLAIM_GRACE", Limits.MEDIA_ORPHAN_AGE.toSeconds() + "s");
        env.put("IM_MEDIA_SWEEP_INTERVAL", "1s");
        env.put("IM_PUSH_SERVICE_URL", "http://127.0.0.1:" + pushPort);
        env.put("IM_PUSH_PORT", Integer.toString(pushPort));
        env.put("IM_PUSH_DB", infra.newDatabase("push"));
        String pushGroup = "platform-test-push-" + UUID.randomUUID();
        env.put("IM_PUSH_CONSUMER_GROUP", pushGroup);
        KafkaGroups.startAtEnd(e.kafkaBootstrap(), pushGroup, List.of("im.offline"));
        env.put(
                "IM_PUSH_VAPID_KEY_FILE",
                work.resolve("vapid-" + UUID.randomUUID() + ".txt").toString());
        env.put("IM_PUSH_FIRST_BACKOFF", "200ms");
        env.put("IM_PUSH_FCM_SERVICE_ACCOUNT", pushCredentials.fcmServiceAccount);
        env.put("IM_PUSH_FCM_URL", pushServices.base());
        env.put("IM_PUSH_APNS_KEY", pushCredentials.apnsKey);
        env.put("IM_PUSH_APNS_KEY_ID", PushCredentials.APNS_KEY_ID);
        env.put("IM_PUSH_APNS_TEAM_ID", PushCredentials.APNS_TEAM);
        env.put("IM_PUSH_APNS_TOPIC", PushCredentials.APNS_TOPIC);
        env.put("IM_PUSH_APNS_URL", pushServices.base());
        env.put("IM_CONNECTOR_URLS", "http://127.0.0.1:" + connectorPortA + ",http://127.0.0.1:" + connectorPortB);
        env.put("IM_PRESENCE_OFFLINE_DELAY", "1s");
        env.put("IM_SENDS_PER_SECOND", Integer.toString(Limits.SENDS_PER_SECOND));
        env.put("IM_IDLE_TIMEOUT", "6s");
        env.put("IM_EDIT_WINDOW", Limits.EDIT_WINDOW.toSeconds() + "s");
        env.put("IM_RECALL_WINDOW", Limits.RECALL_WINDOW.toSeconds() + "s");
        env.put("IM_MESSAGE_GROUP_MEMBER_LIMIT", Integer.toString(Limits.GROUP_MEMBERS));
        env.put("LOGGING_LEVEL_IO_CHATFORGE_IM_CONNECTOR", "DEBUG");
        env.put("IM_CONNECTOR_ROUTE_REFRESH_INTERVAL", "PT2S");
        env.put("IM_CONNECTOR_SLOT_LEASE_RENEW_INTERVAL", "PT1S");
        env.put("IM_GATEWAY_PORT", Integer.toString(gatewayPort));
        env.put("IM_GATEWAY_MANAGEMENT_PORT", Integer.toString(gatewayManagementPort));
        env.put("IM_AUTH_PORT", Integer.toString(authPort));
        env.put("IM_USER_PORT", Integer.toString(userPort));
        env.put("IM_AUTH_DB", infra.newDatabase("auth"));
        env.put("IM_USER_DB", infra.newDatabase("user"));
        env.put("IM_AUTH_DEV_KEY_FILE", devKeyFile.toString());
        // a key rotated in is fetched at its first token (KeyRotationIT), not 30 s after the last fetch
        env.put("IM_JWKS_MIN_REFETCH", "1s");
        env.put("IM_AUTH_PENDING_SWEEP_INTERVAL", "2s");
        // every test client sends its own X-Forwarded-For, as if behind one proxy, so per-address
        // budgets of one test do not leak into another
        env.put("IM_GATEWAY_TRUSTED_PROXY_HOPS", "1");
        env.put("IM_RATE_PER_USER", Integer.toString(Limits.PER_USER));
        env.put("IM_RATE_LOGIN_PER_USERNAME", Integer.toString(Limits.LOGIN_PER_USERNAME));
        env.put("IM_RATE_LOGIN_PER_IP", Integer.toString(Limits.LOGIN_PER_IP));
        // browsers send no X-Forwarded-For: the browser tests all register from 127.0.0.1
        env.put("IM_RATE_REGISTER_PER_IP", Integer.toString(Limits.REGISTER_PER_IP));
        env.put("IM_WEB_ROOT", "file:" + root.toAbsolutePath().normalize().resolve("clients/web/dist") + "/");

        // as scripts/run.sh does: only the gateway listens on every interface
        Map<String, String> internal = new HashMap<>(env);
        internal.put("SERVER_ADDRESS", "127.0.0.1");
        user = new ServiceProcess("user-service", jar(root, "user-service", version), userPort, internal, logs);
        auth = new ServiceProcess("auth-service", jar(root, "auth-service", version), authPort, internal, logs);
        friend = new ServiceProcess("friend-service", jar(root, "friend-service", version), friendPort, internal, logs);
        message = new ServiceProcess(
                "message-service", jar(root, "message-service", version), messagePort, internal, logs);
        media = new ServiceProcess("media-service", jar(root, "media-service", version), mediaPort, internal, logs);
        push = new ServiceProcess("push-service", jar(root, "push-service", version), pushPort, internal, logs);
        connectorA = connector("connector-a", root, version, connectorPortA, internal, logs);
        connectorB = connector("connector-b", root, version, connectorPortB, internal, logs);
        gateway = new ServiceProcess(
                "gateway", jar(root, "gateway", version), gatewayPort, gatewayManagementPort, env, logs);
        List<ServiceProcess> all = List.of(user, auth, friend, message, media, push, connectorA, connectorB, gateway);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> all.forEach(ServiceProcess::stop), "stop-platform"));
        all.forEach(ServiceProcess::start);
        try {
            all.forEach(s -> s.awaitReady(Duration.ofMinutes(2)));
        } catch (RuntimeException notReady) {
            all.forEach(ServiceProcess::stop);
            throw notReady;
        }
    }

    private static RuntimeException startFailure;

    /** The one platform of this test run; if it failed to start, every test fails the same way. */
    static synchronized Platform get() {
        if (startFailure != null) {
            throw new IllegalStateException("the platform failed to start", startFailure);
        }
        if (instance == null) {
            try {
                instance = new Platform();
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
        }
        return instance;
    }

    /** A client of the gateway that appears to come from its own address. */
    ApiClient client() {
        return new ApiClient(gateway.baseUrl(), ApiClient.randomAddress());
    }

    /** One of the two connector instances the gateway spreads WebSockets over. */
    private static ServiceProcess connector(
            String node, Path root, String version, int port, Map<String, String> common, Path logs) {
        Map<String, String> env = new HashMap<>(common);
        env.put("IM_CONNECTOR_PORT", Integer.toString(port));
        env.put("IM_NODE_ID", node);
        return new ServiceProcess(node, jar(root, "connector-service", version), port, env, logs);
    }

    String webSocketUrl() {
        return "ws://127.0.0.1:" + gateway.port() + "/ws";
    }

    private static Path jar(Path root, String module, String version) {
        return root.resolve(module).resolve("target").resolve(module + "-" + version + "-exec.jar");
    }

    /** The budgets this test platform runs with. */
    static final class Limits {
        static final int PER_USER = 60;
        static final int LOGIN_PER_USERNAME = 8;
        static final int LOGIN_PER_IP = 25;
        static final int REGISTER_PER_IP = 100;
        static final int SENDS_PER_SECOND = 300;
        static final int GROUP_MEMBERS = 6;
        /** the connector's default: invalid frames answered before the 21st closes the socket */
        static final int INVALID_FRAMES = 20;
        /** short, so that a test sees them pass */
        static final Duration EDIT_WINDOW = Duration.ofSeconds(10);

        static final Duration RECALL_WINDOW = Duration.ofSeconds(5);

        /** short, so that a test sees an upload URL expire */
        static final Duration UPLOAD_URL_TTL = Duration.ofSeconds(8);

        static final long MAX_IMAGE_BYTES = 2 * 1024 * 1024;
        static final long MEDIA_QUOTA_BYTES = 64L * 1024 * 1024;
        /** uploads never completed or never sent, and objects no message carries, go after this */
        static final Duration MEDIA_ORPHAN_AGE = Duration.ofSeconds(10);

        private Limits() {}
    }
}
