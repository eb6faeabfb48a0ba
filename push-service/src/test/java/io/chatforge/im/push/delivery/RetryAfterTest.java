package io.chatforge.im.push.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    @Test
    void secondsOrADate_elseNothing() {
        assertThat(RetryAfter.of(Optional.of("12"))).isEqualTo(Duration.ofSeconds(12));
        assertThat(RetryAfter.of(Optional.of("Wed, 21 Oct 2015 07:28:00 GMT"))).isEqualTo(Duration.ZERO);
        assertThat(RetryAfter.of(Optional.of("soon"))).isNull();
        assertThat(RetryAfter.of(Optional.empty())).isNull();
    }
}
