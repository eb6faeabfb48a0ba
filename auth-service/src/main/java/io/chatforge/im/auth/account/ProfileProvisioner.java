package io.chatforge.im.auth.account;

import feign.FeignException;
import io.chatforge.im.contracts.user.CreateProfileRequest;
import io.chatforge.im.service.resilience.ResilientCalls;
import io.chatforge.im.service.web.ApiProblem;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finishes a registration: creates the profile in user-service (idempotent, with retry and a
 * circuit breaker) and only then marks the credential ACTIVE. If anything fails in between the
 * credential stays PENDING; the same request, a login, or {@link PendingRegistrationSweeper}
 * finishes it later, so a credential never ends up without a profile.
 */
@Component
public class ProfileProvisioner {
    static final String USER_SERVICE = "user-service";
    private static final Logger log = LoggerFactory.getLogger(ProfileProvisioner.class);

    private final UserProfileClient userProfiles;
    private final ResilientCalls resilient;
    private final CredentialRepository credentials;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ProfileProvisioner(
            UserProfileClient userProfiles,
            ResilientCalls resilient,
            CredentialRepository credentials,
            TransactionTemplate transactions,
            Clock clock) {
        this.userProfiles = userProfiles;
        this.resilient = resilient;
        this.credentials = credentials;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Makes sure the account is complete; throws a 503 problem when user-service cannot be reached. */
    public Credential complete(Credential credential) {
        if (credential.isActive()) {
            return credential;
        }
        var request = new CreateProfileRequest(credential.username(), credential.pendingNickname());
        try {
            resilient.call(USER_SERVICE, () -> userProfiles.createProfile(credential.userId(), request));
        } catch (FeignException e) {
            if (e.status() == 409) {
                // the profile exists under another username: a bug, not something a retry fixes
                log.error("user-service refused the profile of user {}: conflict", credential.userId());
                throw ApiProblem.conflict("registration_conflict", "the account cannot be completed");
            }
            if (e.status() >= 400 && e.status() < 500) {
                log.error(
                        "user-service refused the profile of user {} with {}: check IM_INTERNAL_TOKEN",
                        credential.userId(),
                        e.status());
            }
            throw incomplete(credential, e);
        } catch (RuntimeException e) {
            throw incomplete(credential, e);
        }
        return transactions.execute(tx -> {
            Credential fresh = credentials.findById(credential.userId()).orElseThrow();
            fresh.activate(clock.instant());
            return fresh;
        });
    }

    private static ApiProblem incomplete(Credential credential, RuntimeException cause) {
        log.warn("profile of user {} not created yet: {}", credential.userId(), cause.toString());
        return ApiProblem.unavailable(
                "registration_incomplete",
                "the account could not be completed right now; send the same request again",
                Duration.ofSeconds(2));
    }
}
