package io.chatforge.im.auth.account;

import io.chatforge.im.service.web.ApiProblem;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finishes registrations whose client gave up after an error: every PENDING credential older
 * than a few seconds gets its profile created and is activated, once user-service answers again.
 */
@Component
class PendingRegistrationSweeper {
    private static final Logger log = LoggerFactory.getLogger(PendingRegistrationSweeper.class);
    private static final Duration GRACE = Duration.ofSeconds(10);

    private final CredentialRepository credentials;
    private final ProfileProvisioner provisioner;
    private final Clock clock;

    PendingRegistrationSweeper(CredentialRepository credentials, ProfileProvisioner provisioner, Clock clock) {
        this.credentials = credentials;
        this.provisioner = provisioner;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${im.auth.pending-sweep-interval:15s}", initialDelayString = "15s")
    void finishPendingRegistrations() {
        var pending = credentials.findByStatusAndCreatedAtBeforeOrderByCreatedAt(
                Credential.Status.PENDING, clock.instant().minus(GRACE), Limit.of(100));
        for (Credential credential : pending) {
            try {
                provisioner.complete(credential);
                log.info("finished the pending registration of user {}", credential.userId());
            } catch (ApiProblem problem) {
                if (problem.status().is5xxServerError()) {
                    log.debug("user {} still pending: {}", credential.userId(), problem.getMessage());
                    return; // user-service is still away; try again next round
                }
                // a conflict needs a human; the newer registrations behind it must not wait for one
                log.error(
                        "pending registration of user {} cannot be finished: {}", credential.userId(), problem.code());
            }
        }
    }
}
