package io.chatforge.im.media.sweep;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code orphanAge}: how long an upload may stay uncompleted, or completed and never sent;
 * {@code claimGrace}: how long after a send claimed it before an object no message carries is
 * removed (the send's message may still be committing).
 */
@ConfigurationProperties("im.media.sweep")
record SweepProperties(
        @DefaultValue("24h") Duration orphanAge,
        @DefaultValue("10m") Duration interval,
        @DefaultValue("2m") Duration claimGrace) {}
