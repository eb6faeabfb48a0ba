package io.chatforge.im.connector.session;

import java.util.UUID;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * One connected device. Frames for it are queued in a bounded buffer and written by the
 * session's own outbound stream; a client that stops reading until the buffer is full is closed,
 * so one slow client can never hold memory or threads of the others.
 */
public final class ClientSession {
    private final String id = UUID.randomUUID().toString();
    private final long userId;
    private final String deviceId;
    private final WebSocketSession socket;
    private final Sinks.Many<String> outbound;
    private final SendBudget budget;
    private volatile String sessionId;
    private volatile long tokenExpiresAtMillis;
    private volatile long lastSeenNanos = System.nanoTime();
    private volatile boolean closed;
    private volatile CloseStatus closeStatus = CloseStatus.NORMAL;

    ClientSession(
            long userId,
            String deviceId,
            Credentials credentials,
            WebSocketSession socket,
            int queueSize,
            SendBudget budget) {
        this.userId = userId;
        this.deviceId = deviceId;
        this.sessionId = credentials.sessionId();
        this.tokenExpiresAtMillis = credentials.expiresAtMillis();
        this.socket = socket;
        this.outbound = Sinks.many()
                .unicast()
                .onBackpressureBuffer(Queues.<String>get(queueSize).get());
        this.budget = budget;
    }

    public String id() {
        return id;
    }

    public long userId() {
        return userId;
    }

    public String deviceId() {
        return deviceId;
    }

    public SendBudget budget() {
        return budget;
    }

    /** The device session (token family) the connection's access token belongs to. */
    public String sessionId() {
        return sessionId;
    }

    public boolean tokenExpired(long nowMillis) {
        return tokenExpiresAtMillis <= nowMillis;
    }

    long tokenExpiresAtMillis() {
        return tokenExpiresAtMillis;
    }

    /** In-band renewal: a fresh token of the same user and device moves the connection's expiry. */
    synchronized void renew(Credentials credentials) {
        this.sessionId = credentials.sessionId();
        this.tokenExpiresAtMillis = credentials.expiresAtMillis();
    }

    /** The frames to write to the socket, in order. */
    public Flux<String> outbound() {
        return outbound.asFlux();
    }

    /** Queues a frame; a client whose queue is full is closed (it reconnects and syncs). */
    public void send(String frame) {
        if (closed) {
            return;
        }
        Sinks.EmitResult result;
        synchronized (this) {
            result = outbound.tryEmitNext(frame);
        }
        if (result == Sinks.EmitResult.FAIL_OVERFLOW) {
            // it is not reading: queueing the close behind its frames would never get there
            closeStatus = CloseCodes.TOO_SLOW;
            closed = true;
            socket.close(closeStatus).subscribe();
        }
    }

    /** Sends a last frame, then closes. */
    public void sendAndClose(String frame, CloseStatus status) {
        send(frame);
        close(status);
    }

    /**
     * Ends the outbound stream; the connection is closed with this status once the frames queued
     * before (such as the reason for closing) have been written.
     */
    public void close(CloseStatus status) {
        if (closed) {
            return;
        }
        closed = true;
        closeStatus = status;
        synchronized (this) {
            outbound.tryEmitComplete();
        }
    }

    /** The status to close with once the outbound stream is drained. */
    public CloseStatus closeStatus() {
        return closeStatus;
    }

    public boolean isClosed() {
        return closed;
    }

    public void touch() {
        lastSeenNanos = System.nanoTime();
    }

    public long idleNanos(long now) {
        return now - lastSeenNanos;
    }

    /** What the connection's current access token says: its session and when it expires. */
    public record Credentials(String sessionId, long expiresAtMillis) {}
}
