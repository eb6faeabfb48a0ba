package io.chatforge.im.connector.session;

import io.chatforge.im.connector.config.ConnectorProperties;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.CloseStatus;

/**
 * On shutdown (SIGTERM), before the web server stops: refuse new connections, tell every client
 * to reconnect elsewhere (close code 1012, service restart) and wait briefly until their routes
 * are removed. Clients reconnect to another pod and sync; nothing is lost.
 */
@Component
public class GracefulDrain implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(GracefulDrain.class);

    private final SessionRegistry sessions;
    private final ConnectorProperties properties;
    private volatile boolean running;
    private volatile boolean draining;

    GracefulDrain(SessionRegistry sessions, ConnectorProperties properties) {
        this.sessions = sessions;
        this.properties = properties;
    }

    public boolean isDraining() {
        return draining;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        draining = true;
        int open = sessions.count();
        log.info("draining {} connections", open);
        for (ClientSession session : sessions.all()) {
            session.close(CloseStatus.SERVICE_RESTARTED.withReason("server restarting; reconnect"));
        }
        Instant deadline = Instant.now().plus(properties.drainTimeout());
        while (sessions.count() > 0 && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        log.info("drained; {} connections left", sessions.count());
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops first: before the web server's own graceful shutdown. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
