package io.chatforge.im.auth.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.chatforge.im.auth.token.AccessTokenIssuer;
import io.chatforge.im.service.web.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/** The rules of opening a device session when concurrent logins of the device deadlock. */
class SessionServiceTest {
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    private final DeviceSessionRepository repository = mock(DeviceSessionRepository.class);
    private final RefreshTokenLedger refreshTokens = mock(RefreshTokenLedger.class);
    private final SessionRevocations revocations = mock(SessionRevocations.class);
    private final AccessTokenIssuer accessTokens = mock(AccessTokenIssuer.class);
    private final TransactionTemplate transactions = mock(TransactionTemplate.class);
    private final SessionService sessions = new SessionService(
            repository, refreshTokens, revocations, accessTokens, transactions, Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void inlineTransactions() {
        when(transactions.execute(any()))
                .thenAnswer(call -> call.<TransactionCallback<?>>getArgument(0).doInTransaction(null));
        when(repository.save(any())).thenAnswer(call -> call.getArgument(0));
        when(refreshTokens.issue(anyString(), any())).thenReturn("refresh");
        when(accessTokens.issue(any(Long.class), anyString(), anyString()))
                .thenReturn(new AccessTokenIssuer.IssuedAccessToken("access", 900));
    }

    @Test
    void aDeadlockVictim_isRetried_andStillReplacesTheDevicesSession() {
        var previous = new DeviceSession(7, "watch", "web", NOW.minusSeconds(60));
        when(repository.lockLiveOfDevice(7, "watch"))
                .thenThrow(new CannotAcquireLockException("deadlock"))
                .thenReturn(List.of(previous));

        var opened = sessions.open(7, "watch", "web");

        assertThat(opened.accessToken()).isEqualTo("access");
        assertThat(previous.isRevoked()).isTrue();
        verify(revocations).revoke(7, previous.id(), DeviceSession.RevokeReason.REPLACED);
    }

    @Test
    void aLoginThatKeepsLosing_isRefusedAsRetryable_notAsAServerError() {
        when(repository.lockLiveOfDevice(7, "watch")).thenThrow(new CannotAcquireLockException("deadlock"));

        assertThatThrownBy(() -> sessions.open(7, "watch", "web")).isInstanceOfSatisfying(ApiProblem.class, problem -> {
            assertThat(problem.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(problem.code()).isEqualTo("auth_busy");
            assertThat(problem.retryAfter()).isPositive();
        });
        verify(repository, times(SessionService.OPEN_ATTEMPTS)).lockLiveOfDevice(7, "watch");
    }
}
