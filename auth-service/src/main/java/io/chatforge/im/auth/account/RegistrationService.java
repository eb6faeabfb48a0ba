package io.chatforge.im.auth.account;

import io.chatforge.im.contracts.user.ProfileLimits;
import io.chatforge.im.service.web.ApiProblem;
import java.time.Clock;
import java.time.Duration;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registration in two steps, so that no failure leaves half an account behind: reserve the
 * username as a PENDING credential, then let {@link ProfileProvisioner} create the profile and
 * activate it. Repeating the same request (same username and password) is safe: it finishes a
 * pending registration, or answers like the first time for an account registered a moment ago.
 */
@Service
class RegistrationService {
    /** How long after registering the same request still answers "registered" instead of 409. */
    static final Duration REPLAY_WINDOW = Duration.ofMinutes(10);

    private final CredentialRepository credentials;
    private final ProfileProvisioner provisioner;
    private final PasswordEncoder passwords;
    private final TransactionTemplate transactions;
    private final Clock clock;

    RegistrationService(
            CredentialRepository credentials,
            ProfileProvisioner provisioner,
            PasswordEncoder passwords,
            TransactionTemplate transactions,
            Clock clock) {
        this.credentials = credentials;
        this.provisioner = provisioner;
        this.passwords = passwords;
        this.transactions = transactions;
        this.clock = clock;
    }

    Registration register(RegisterRequest request) {
        String nickname = nickname(request);
        Credential existing = credentials.findByUsername(request.username()).orElse(null);
        if (existing != null) {
            return repeat(existing, request);
        }
        Credential reserved;
        try {
            String hash = passwords.encode(request.password());
            reserved = transactions.execute(tx ->
                    credentials.saveAndFlush(new Credential(request.username(), hash, nickname, clock.instant())));
        } catch (DataIntegrityViolationException raced) {
            return repeat(credentials.findByUsername(request.username()).orElseThrow(() -> raced), request);
        }
        return new Registration(provisioner.complete(reserved), true);
    }

    /** The username exists: the same person retrying, or someone else (409). */
    private Registration repeat(Credential existing, RegisterRequest request) {
        boolean recent = existing.createdAt().isAfter(clock.instant().minus(REPLAY_WINDOW));
        boolean retry =
                (!existing.isActive() || recent) && passwords.matches(request.password(), existing.passwordHash());
        if (!retry) {
            throw ApiProblem.conflict("username_taken", "this username is taken");
        }
        return new Registration(provisioner.complete(existing), false);
    }

    private static String nickname(RegisterRequest request) {
        if (request.nickname() == null || request.nickname().isBlank()) {
            return null;
        }
        if (!ProfileLimits.isValidNickname(request.nickname())) {
            throw ApiProblem.badRequest(
                            "validation_failed",
                            "nickname must be 1 to " + ProfileLimits.NICKNAME_MAX
                                    + " characters without control characters")
                    .with("field", "nickname");
        }
        return request.nickname().strip();
    }

    record Registration(Credential credential, boolean created) {}
}
