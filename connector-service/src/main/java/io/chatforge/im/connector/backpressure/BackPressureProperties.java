package io.chatforge.im.connector.backpressure;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled false admits every send (the cap is then only the per-connection budget)
 * @param latencyTarget the average send-to-answer time the cap steers to
 * @param window how often the cap adapts
 * @param initialLimit sends in flight allowed at start
 * @param minLimit the cap never goes below this, however slow the answers
 * @param maxLimit nor above this
 * @param answerTimeout a send unanswered this long frees its place (and counts as that slow)
 */
@ConfigurationProperties("im.connector.back-pressure")
public record BackPressureProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("50ms") Duration latencyTarget,
        @DefaultValue("100ms") Duration window,
        @DefaultValue("512") int initialLimit,
        @DefaultValue("64") int minLimit,
        @DefaultValue("20000") int maxLimit,
        @DefaultValue("10s") Duration answerTimeout) {}
