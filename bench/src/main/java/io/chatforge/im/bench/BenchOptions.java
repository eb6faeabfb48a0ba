package io.chatforge.im.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Command-line options: {@code --name=value}. */
record BenchOptions(
        String gateway,
        int connections,
        double ratePerSender,
        Duration duration,
        Duration warmup,
        String userPrefix,
        String scenario,
        int online,
        int messages,
        String mode,
        int window,
        boolean limits,
        Duration limitSeconds,
        int devices,
        String webSocket,
        Duration heartbeat) {

    static BenchOptions parse(String[] args) {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("options look like --connections=1000, got " + arg);
            }
            given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        int connections = Integer.parseInt(given.getOrDefault("connections", "1000"));
        if (connections < 2 || connections % 2 != 0) {
            throw new IllegalArgumentException("--connections must be an even number >= 2 (friend pairs)");
        }
        int devices = Integer.parseInt(given.getOrDefault("devices", "1"));
        if (devices < 1 || devices > 5 || connections % (2 * devices) != 0) {
            throw new IllegalArgumentException(
                    "--devices must be 1-5 (the per-user limit) and divide --connections into friend pairs");
        }
        return new BenchOptions(
                given.getOrDefault("gateway", "http://localhost:8080"),
                connections,
                Double.parseDouble(given.getOrDefault("rate", "2")),
                Duration.ofSeconds(Long.parseLong(given.getOrDefault("seconds", "30"))),
                Duration.ofSeconds(Long.parseLong(given.getOrDefault("warmup", "5"))),
                given.getOrDefault("users", "bench"),
                given.getOrDefault("scenario", "one-to-one"),
                Integer.parseInt(given.getOrDefault("online", "200")),
                Integer.parseInt(given.getOrDefault("messages", "100")),
                given.getOrDefault("mode", "open"),
                Integer.parseInt(given.getOrDefault("window", "1")),
                Boolean.parseBoolean(given.getOrDefault("limits", "true")),
                Duration.ofSeconds(Long.parseLong(given.getOrDefault("limit-seconds", "10"))),
                devices,
                given.get("ws"),
                // the SDK's default ping period (a third of the connector's idle timeout)
                Duration.ofSeconds(Long.parseLong(given.getOrDefault("heartbeat-seconds", "30"))));
    }

    /** Distinct users behind the connections (each user connects {@link #devices} devices). */
    int users() {
        return connections / devices;
    }

    /**
     * The gateway's {@code /ws}, or {@code --ws=ws://host:8085/ws} to open the connections on a
     * connector directly (the idle hold of 10,000 needs it where a process may hold only 20,000 files:
     * the gateway holds two per proxied connection).
     */
    String webSocketUrl() {
        if (webSocket != null) {
            return webSocket;
        }
        return gateway.replaceFirst("^http", "ws") + "/ws";
    }
}
