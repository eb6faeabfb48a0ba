package io.chatforge.im.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * What the parts can do on their own on this machine, at the platform's record size: a raw Kafka
 * produce->consume round trip, a raw batched INSERT into the same MySQL-compatible server, and a
 * bare WebSocket echo (Reactor Netty, as the connector and gateway use). The platform's delivered
 * rate is reported as a fraction of the slowest.
 */
final class LimitsBenchmark {
    /** about the size of a `send` frame / an inbound record of the one-to-one benchmark */
    static final int RECORD_BYTES = 220;

    private final Duration duration;

    LimitsBenchmark(Duration duration) {
        this.duration = duration;
    }

    Map<String, Object> run() throws Exception {
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("kafkaRoundTrip", kafka());
        limits.put("mysqlBatchedInsert", mysql());
        limits.put("webSocketEcho", webSocketEcho());
        return limits;
    }

    /** Records/s through a producer (acks=all, linger 1 ms, as the services) into a consumer. */
    Map<String, Object> kafka() throws Exception {
        String bootstrap = env("IM_KAFKA_BOOTSTRAP", "127.0.0.1:9092");
        String topic = "im.bench.limits";
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            if (!admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, 8, (short) 1)))
                        .all()
                        .get(30, TimeUnit.SECONDS);
            }
        }
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-limits-" + UUID.randomUUID());
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        Histogram latency = new ConcurrentHistogram(3);
        LongAdder received = new LongAdder();
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean running = new AtomicBoolean(true);
        String padding = "x".repeat(RECORD_BYTES - 20);
        try (var consumer = new KafkaConsumer<String, String>(c);
                var producer = new KafkaProducer<String, String>(p)) {
            consumer.subscribe(List.of(topic));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            Thread reader = new Thread(() -> {
                while (running.get()) {
                    for (var record : consumer.poll(Duration.ofMillis(50))) {
                        long sentAt = Long.parseLong(
                                record.value().substring(0, record.value().indexOf('|')));
                        if (measuring.get()) {
                            latency.recordValue(Math.max(1, (System.nanoTime() - sentAt) / 1000));
                            received.increment();
                        }
                    }
                }
            });
            reader.start();
            Semaphore inFlight = new Semaphore(20_000);
            long end = System.nanoTime() + duration.plusSeconds(3).toNanos();
            long measureFrom = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            long measureStart = 0;
            long i = 0;
            while (System.nanoTime() < end) {
                if (measureStart == 0 && System.nanoTime() >= measureFrom) {
                    measuring.set(true);
                    measureStart = System.nanoTime();
                }
                inFlight.acquire();
                producer.send(
                        new ProducerRecord<>(topic, Long.toString(i++ % 1000), System.nanoTime() + "|" + padding),
                        (m, e) -> inFlight.release());
            }
            producer.flush();
            Thread.sleep(1000);
            double seconds = (System.nanoTime() - measureStart) / 1e9 - 1;
            running.set(false);
            reader.join();
            return rate("records/s", received.sum() / seconds, latency);
        }
    }

    /** Rows/s of multi-row INSERTs (500 rows a transaction, rewriteBatchedStatements) into a messages-like table. */
    Map<String, Object> mysql() throws SQLException {
        String url = "jdbc:mysql://" + env("IM_DB_HOST", "127.0.0.1") + ":" + env("IM_DB_PORT", "3306")
                + "/im_bench_limits?createDatabaseIfNotExist=true&rewriteBatchedStatements=true&sslMode=DISABLED"
                + "&allowPublicKeyRetrieval=true";
        try (Connection db = DriverManager.getConnection(url, env("IM_DB_USER", "im"), env("IM_DB_PASSWORD", "im"))) {
            try (Statement s = db.createStatement()) {
                s.execute("DROP TABLE IF EXISTS messages");
                s.execute("CREATE TABLE messages (conversation_id VARCHAR(64) NOT NULL, seq BIGINT NOT NULL,"
                        + " id BIGINT NOT NULL, sender_id BIGINT NOT NULL, sender_device_id VARCHAR(64) NOT NULL,"
                        + " receiver_id BIGINT NULL, client_msg_id VARCHAR(64) NOT NULL, kind VARCHAR(16) NOT NULL,"
                        + " content TEXT NOT NULL, created_at BIGINT NOT NULL, PRIMARY KEY (conversation_id, seq),"
                        + " UNIQUE (id), UNIQUE (sender_id, client_msg_id)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
            }
            db.setAutoCommit(false);
            String content = "{\"kind\":\"text\",\"text\":\"" + "x".repeat(60) + "\"}";
            long rows = 0;
            long id = 0;
            Histogram commit = new ConcurrentHistogram(3);
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO messages (conversation_id, seq, id,"
                    + " sender_id, sender_device_id, receiver_id, client_msg_id, kind, content, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                while (System.nanoTime() < end) {
                    long t = System.nanoTime();
                    for (int i = 0; i < 500; i++, id++) {
                        insert.setString(1, "d_" + (id % 5000) + "_x");
                        insert.setLong(2, id);
                        insert.setLong(3, id);
                        insert.setLong(4, id % 5000);
                        insert.setString(5, "bench");
                        insert.setLong(6, id % 5000 + 1);
                        insert.setString(7, "c-" + id);
                        insert.setString(8, "text");
                        insert.setString(9, content);
                        insert.setLong(10, System.currentTimeMillis());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    db.commit();
                    commit.recordValue(Math.max(1, (System.nanoTime() - t) / 1000));
                    rows += 500;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            try (Statement s = db.createStatement()) {
                s.execute("DROP DATABASE im_bench_limits");
            }
            Map<String, Object> result = rate("rows/s", rows / seconds, commit);
            result.put("latency", "per 500-row transaction");
            return result;
        }
    }

    /** Echoed frames/s: 200 WebSockets (the JDK client, as the load generator) to a Reactor Netty echo server. */
    Map<String, Object> webSocketEcho() throws Exception {
        DisposableServer server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .route(routes -> routes.ws(
                        "/echo", (in, out) -> out.sendString(in.receive().asString())))
                .bindNow();
        try {
            HttpClient http = HttpClient.newHttpClient();
            Histogram latency = new ConcurrentHistogram(3);
            LongAdder echoed = new LongAdder();
            AtomicBoolean measuring = new AtomicBoolean(false);
            String padding = "x".repeat(RECORD_BYTES - 20);
            List<WebSocket> sockets = new ArrayList<>();
            List<Semaphore> windows = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                Semaphore window = new Semaphore(20);
                windows.add(window);
                sockets.add(http.newWebSocketBuilder()
                        .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/echo"), new WebSocket.Listener() {
                            private final StringBuilder partial = new StringBuilder();

                            @Override
                            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                                partial.append(data);
                                if (last) {
                                    String text = partial.toString();
                                    partial.setLength(0);
                                    long sentAt = Long.parseLong(text.substring(0, text.indexOf('|')));
                                    if (measuring.get()) {
                                        latency.recordValue(Math.max(1, (System.nanoTime() - sentAt) / 1000));
                                        echoed.increment();
                                    }
                                    window.release();
                                }
                                ws.request(1);
                                return null;
                            }
                        })
                        .get(10, TimeUnit.SECONDS));
            }
            long measureFrom = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            long end = measureFrom + duration.toNanos();
            long measureStart = 0;
            CompletableFuture<?>[] last = new CompletableFuture<?>[sockets.size()];
            java.util.Arrays.fill(last, CompletableFuture.completedFuture(null));
            while (System.nanoTime() < end) {
                if (measureStart == 0 && System.nanoTime() >= measureFrom) {
                    measuring.set(true);
                    measureStart = System.nanoTime();
                }
                for (int i = 0; i < sockets.size(); i++) {
                    if (windows.get(i).tryAcquire()) {
                        WebSocket ws = sockets.get(i);
                        String frame = System.nanoTime() + "|" + padding;
                        last[i] = last[i].thenCompose(v -> ws.sendText(frame, true));
                    }
                }
                Thread.onSpinWait();
            }
            double seconds = (System.nanoTime() - measureStart) / 1e9;
            measuring.set(false);
            sockets.forEach(WebSocket::abort);
            return rate("frames/s", echoed.sum() / seconds, latency);
        } finally {
            server.disposeNow();
        }
    }

    private static Map<String, Object> rate(String unit, double perSecond, Histogram micros) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("perSecond", Math.round(perSecond));
        r.put("unit", unit);
        r.put("latencyMs", ChatBenchmark.percentiles(micros));
        return r;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** The slowest part's rate, for the platform's delivered rate as a fraction of it. */
    static long slowest(Map<String, Object> limits) {
        return limits.values().stream()
                .map(v -> ((Number) ((Map<?, ?>) v).get("perSecond")).longValue())
                .min(Long::compare)
                .orElse(0L);
    }
}
