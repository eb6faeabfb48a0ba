package io.chatforge.im.message.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

class FailuresTest {

    @Test
    void theInfrastructureAway_isTransient() {
        assertThat(Failures.isTransient(new CannotGetJdbcConnectionException("db down")))
                .isTrue();
        assertThat(Failures.isTransient(new QueryTimeoutException("slow"))).isTrue();
        assertThat(Failures.isTransient(new RedisConnectionFailureException("redis down")))
                .isTrue();
        assertThat(Failures.isTransient(new org.apache.kafka.common.errors.TimeoutException("broker")))
                .isTrue();
        assertThat(Failures.isTransient(new IllegalStateException("wrapped", new ConnectException("refused"))))
                .isTrue();
    }

    @Test
    void aRecordsOwnData_isNotTransient() {
        assertThat(Failures.isTransient(new DuplicateKeyException("uk_messages_id")))
                .isFalse();
        assertThat(Failures.isTransient(new NullPointerException("body"))).isFalse();
        assertThat(Failures.isTransient(new IllegalArgumentException("kind"))).isFalse();
    }
}
