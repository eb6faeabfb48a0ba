package io.chatforge.im.service.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class UtcDateTimeAsTextJdbcTypeTest {

    @Test
    void instants_roundTripThroughText_withMicroseconds() {
        Instant instant = Instant.parse("2026-11-26T00:38:13.123456Z");
        assertThat(UtcDateTimeAsTextJdbcType.format(instant)).isEqualTo("2026-11-26 00:38:13.123456");
        assertThat(UtcDateTimeAsTextJdbcType.parse("2026-11-26 00:38:13.123456"))
                .isEqualTo(instant);
    }

    @Test
    void textWithoutFraction_isRead() {
        assertThat(UtcDateTimeAsTextJdbcType.parse("2026-11-26 00:38:13"))
                .isEqualTo(Instant.parse("2026-11-26T00:38:13Z"));
    }
}
