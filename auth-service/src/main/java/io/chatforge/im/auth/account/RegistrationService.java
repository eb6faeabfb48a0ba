package io.chatforge.im.auth.account;

import io.chatforge.im.auth.password.PasswordWork;
import io.chatforge.im.contracts.user.ProfileLimits;
import io.chatforge.im.contracts.user.Usernames;
import io.chatforge.im.service.web.ApiProblem;
import java.time.Clock;
import java.time.Duration;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registration in two steps, so that no failure leaves half an account behind: reserve the
 * username (in its canonical form, {@link Usernames}) as a PENDING credential, then let
 * {@link ProfileProvisioner} create the profile and activate it (or its sweeper, if the client
 * gave up). A taken username is always 409, whatever the password, so registration tells nobody
 * whether they guessed it; a client that must repeat a request it got no answer to sends the same
 * {@code Idempotency-Key}, and that repeat is answered like the first.
 */
@Service
class RegistrationService {
    /** How long after registering a repeat with the same Idempotency-Key is answered instead of 409. */
    static final Duration REPLAY_WINDOW = Duration.ofMinutes(10);

    private final CredentialRepository credentials;
    private final ProfileProvisioner provisioner;
    private final PasswordWork passwords;
    private final TransactionTemplate transactions;
    private final Clock clock;

    RegistrationService(
            CredentialRepository credentials,
            ProfileProvisioner provisioner,
            PasswordWork passwords,
            TransactionTemplate transactions,
            Clock clock) {
        this.credentials = credentials;
        this.provisioner = provisioner;
        this.passwords = passwords;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** @param keyHash the hashed Idempotency-Key, or null */
    Registration register(RegisterRequest request, String keyHash) {
        String username = Usernames.canonical(request.username());
        if (!Usernames.isValid(username)) {
            throw ApiProblem.badRequest(
                            "validation_failed",
                            "username must be 3 to 32 of a-z 0-9 _ . - (letters are folded to lower case)")
                    .with("field", "username");
        }
        String nickname = nickname(request);
        Credential existing = credentials.findByUsername(username).orElse(null);
        if (existing != null) {
            return repeat(existing, keyHash);
        }
        Credential reserved;
        try {
            String hash = passwords.encode(request.password());
            reserved = transactions.execute(
                    tx -> credentials.saveAndFlush(new Credential(username, hash, nickname, keyHash, clock.instant())));
        } catch (DataIntegrityViolationException raced) {
            return repeat(credentials.findByUsername(username).orElseThrow(() -> raced), keyHash);
        }
        return new Registration(provisioner.complete(reserved), true);
    }

    /** The username exists: the same client repeating its request (same key, recently), or 409. */
    private Registration repeat(Credential existing, String keyHash) {
        boolean sameRequest = keyHash != null
                && keyHash.equals(existing.registrationKeyHash())
                && existing.createdAt().isAfter(clock.instant().minus(REPLAY_WINDOW));
        if (!sameRequest) {
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
                                    + " characters without control, format (bidi, zero-width) or line-break characters")
                    .with("field", "nickname");
        }
        return request.nickname().strip();
    }

    record Registration(Credential credential, boolean created) {}
}
