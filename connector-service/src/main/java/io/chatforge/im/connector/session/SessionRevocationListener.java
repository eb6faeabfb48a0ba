package io.chatforge.im.connector.session;

import io.chatforge.im.contracts.frame.EventFrame;
import io.chatforge.im.contracts.frame.KickedEvent;
import io.chatforge.im.security.RevokedSessions;
import io.chatforge.im.security.RevokedSessions.Revocation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Closes the connections of revoked device sessions: at once when auth-service announces a
 * revocation on {@link RevokedSessions#CHANNEL}, and, for an announcement missed while Redis was
 * away, at the next route refresh, which also looks for the sessions' revocation marks.
 */
@Component
public class SessionRevocationListener implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(SessionRevocationListener.class);

    private final SessionRegistry sessions;
    private final ReactiveRedisConnectionFactory connections;
    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private volatile ReactiveRedisMessageListenerContainer container;
    private volatile Disposable subscription;

    SessionRevocationListener(
            SessionRegistry sessions,
            ReactiveRedisConnectionFactory connections,
            StringRedisTemplate redis,
            JsonMapper json) {
        this.sessions = sessions;
        this.connections = connections;
        this.redis = redis;
        this.json = json;
    }

    @Override
    public void start() {
        container = new ReactiveRedisMessageListenerContainer(connections);
        subscription = container
                .receive(ChannelTopic.of(RevokedSessions.CHANNEL))
                .doOnError(e -> log.warn("revocation channel lost, resubscribing: {}", e.toString()))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(5)))
                .subscribe(message -> revoke(Revocation.decode(message.getMessage())));
    }

    void revoke(Revocation revocation) {
        if (revocation == null) {
            return;
        }
        for (ClientSession session : sessions.ofSession(revocation.userId(), revocation.sessionId())) {
            end(session, revocation.reason());
        }
    }

    /** The safety net: sessions marked revoked in Redis that are still open here. Returns them. */
    public List<ClientSession> closeMarkedRevoked(List<ClientSession> open) {
        List<ClientSession> live = open.stream().filter(s -> !s.isClosed()).toList();
        if (live.isEmpty()) {
            return List.of();
        }
        List<Object> marks = redis.executePipelined((RedisCallback<Object>) c -> {
            for (ClientSession s : live) {
                c.keyCommands().exists(RevokedSessions.key(s.sessionId()).getBytes(StandardCharsets.UTF_8));
            }
            return null;
        });
        List<ClientSession> revoked = new ArrayList<>();
        for (int i = 0; i < live.size(); i++) {
            if (Boolean.TRUE.equals(marks.get(i))) {
                revoked.add(live.get(i));
                end(live.get(i), "revoked");
            }
        }
        return revoked;
    }

    private void end(ClientSession session, String reason) {
        log.debug("closing session {} of user {}: revoked ({})", session.id(), session.userId(), reason);
        String kicked = json.writeValueAsString(new EventFrame(EventFrame.KICKED, KickedEvent.sessionRevoked(reason)));
        session.sendAndClose(kicked, CloseCodes.SESSION_REVOKED);
    }

    @Override
    public void stop() {
        Disposable s = subscription;
        if (s != null) {
            s.dispose();
        }
        ReactiveRedisMessageListenerContainer c = container;
        if (c != null) {
            c.destroy();
        }
    }

    @Override
    public boolean isRunning() {
        return subscription != null && !subscription.isDisposed();
    }
}
