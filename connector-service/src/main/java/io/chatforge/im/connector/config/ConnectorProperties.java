package io.chatforge.im.connector.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param nodeId this pod's identity in routes (the pod name on Kubernetes)
 * @param maxTextLength characters a text message may have
 * @param maxFrameBytes bytes a client frame may have; larger ones get an error frame
 * @param sendsPerSecond sustained sends (and typing) per connection; bursts up to twice that
 * @param floodStrikes rate-limited frames within {@code floodWindow} before the connection is
 *     closed with a policy-violation code
 * @param invalidFrames frames refused as invalid within {@code floodWindow} before the connection
 *     is closed with a policy-violation code
 * @param maxConnectionsPerUser devices a user may have connected at once
 * @param idleTimeout a connection that sends nothing (not even ping) this long is closed
 * @param routeTtl how long a route lives in Redis unless refreshed (every third of it)
 * @param slotLeaseTtl how long a delivery-slot lease lives unless renewed
 * @param presenceOfflineDelay a user counts as offline only after this long without any device
 * @param outboundQueue frames buffered per connection before it counts as stuck and is closed
 * @param drainTimeout how long shutdown waits for clients to leave after telling them to reconnect
 */
@ConfigurationProperties("im.connector")
public record ConnectorProperties(
        String nodeId,
        @DefaultValue("4096") int maxTextLength,
        @DefaultValue("16384") int maxFrameBytes,
        @DefaultValue("20") int sendsPerSecond,
        @DefaultValue("20") int floodStrikes,
        @DefaultValue("10s") Duration floodWindow,
        @DefaultValue("20") int invalidFrames,
        @DefaultValue("5") int maxConnectionsPerUser,
        @DefaultValue("90s") Duration idleTimeout,
        @DefaultValue("90s") Duration routeTtl,
        @DefaultValue("15s") Duration slotLeaseTtl,
        @DefaultValue("5s") Duration presenceOfflineDelay,
        @DefaultValue("1024") int outboundQueue,
        @DefaultValue("5s") Duration drainTimeout) {}
