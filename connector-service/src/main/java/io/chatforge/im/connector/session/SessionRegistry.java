package io.chatforge.im.connector.session;

import io.chatforge.im.connector.config.ConnectorProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.WebSocketSession;

/** The devices connected to this pod: user -> device -> session. */
@Component
public class SessionRegistry {
    private final Map<Long, Map<String, ClientSession>> byUser = new ConcurrentHashMap<>();
    private final TokenExpiries tokenExpiries = new TokenExpiries();
    private final ConnectorProperties properties;

    SessionRegistry(ConnectorProperties properties, MeterRegistry meters) {
        this.properties = properties;
        Gauge.builder("im.connector.connections", this, SessionRegistry::count)
                .description("WebSocket connections open on this pod")
                .register(meters);
    }

    public ClientSession open(
            long userId, String deviceId, ClientSession.Credentials credentials, WebSocketSession socket) {
        var budget = new SendBudget(
                properties.sendsPerSecond(),
                properties.floodStrikes(),
                properties.floodWindow().toNanos(),
                properties.invalidFrames());
        return new ClientSession(userId, deviceId, credentials, socket, properties.outboundQueue(), budget);
    }

    /** Adds a session; returns the one it replaces (the same device connected before), if any. */
    public ClientSession register(ClientSession session) {
        tokenExpiries.track(session);
        return byUser.computeIfAbsent(session.userId(), u -> new ConcurrentHashMap<>())
                .put(session.deviceId(), session);
    }

    /** In-band renewal: a fresh token of the same user and device moves the connection's expiry. */
    public void renew(ClientSession session, ClientSession.Credentials credentials) {
        session.renew(credentials);
        tokenExpiries.track(session);
    }

    /** Open sessions whose access token expired by now, each once. */
    List<ClientSession> tokenExpired(long nowMillis) {
        return tokenExpiries.expired(nowMillis, this::find);
    }

    /** Removes the session if it is still the device's current one; true when it was. */
    public boolean unregister(ClientSession session) {
        boolean[] removed = new boolean[1];
        byUser.computeIfPresent(session.userId(), (user, devices) -> {
            removed[0] = devices.remove(session.deviceId(), session);
            return devices.isEmpty() ? null : devices;
        });
        return removed[0];
    }

    /** Pushes a frame to the user's sessions here: one device, all but one, or all. */
    public int deliver(long userId, String onlyDevice, String exceptDevice, String frame) {
        Map<String, ClientSession> devices = byUser.get(userId);
        if (devices == null) {
            return 0;
        }
        int delivered = 0;
        for (ClientSession session : devices.values()) {
            if ((onlyDevice == null || onlyDevice.equals(session.deviceId()))
                    && (exceptDevice == null || !exceptDevice.equals(session.deviceId()))) {
                session.send(frame);
                delivered++;
            }
        }
        return delivered;
    }

    /** The user's connections here whose token belongs to the device session. */
    public List<ClientSession> ofSession(long userId, String sessionId) {
        Map<String, ClientSession> devices = byUser.get(userId);
        if (devices == null) {
            return List.of();
        }
        return devices.values().stream()
                .filter(s -> sessionId.equals(s.sessionId()))
                .toList();
    }

    public ClientSession find(long userId, String deviceId) {
        Map<String, ClientSession> devices = byUser.get(userId);
        return devices == null ? null : devices.get(deviceId);
    }

    public List<ClientSession> all() {
        List<ClientSession> sessions = new ArrayList<>();
        byUser.values().forEach(devices -> sessions.addAll(devices.values()));
        return sessions;
    }

    public int count() {
        int n = 0;
        for (Map<String, ClientSession> devices : byUser.values()) {
            n += devices.size();
        }
        return n;
    }
}
