package io.chatforge.im.message.deadletter;

import java.io.IOException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.apache.kafka.common.errors.RetriableException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.RedisSystemException;

/**
 * Which failures of processing a record are the infrastructure's (the database, Redis or the
 * broker away or busy: wait and retry the same records, never set them aside) and which are the
 * record's own (no retry of the same data helps: set it aside after a few tries).
 */
public final class Failures {

    private Failures() {}

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TransientDataAccessException
                    || t instanceof RecoverableDataAccessException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof PessimisticLockingFailureException
                    || t instanceof RedisConnectionFailureException
                    || t instanceof RedisSystemException
                    || t instanceof RetriableException
                    || t instanceof org.apache.kafka.common.errors.TimeoutException
                    || t instanceof org.springframework.kafka.KafkaException
                    || t instanceof org.apache.kafka.common.KafkaException
                    || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException
                    || t instanceof IOException
                    || t instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
        }
        return false;
    }
}
