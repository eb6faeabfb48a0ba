package io.chatforge.im.auth.session;

import io.chatforge.im.auth.account.Credential;
import io.chatforge.im.auth.account.CredentialRepository;
import io.chatforge.im.auth.account.ProfileProvisioner;
import io.chatforge.im.auth.password.PasswordWork;
import io.chatforge.im.contracts.user.Usernames;
import io.chatforge.im.service.web.ApiProblem;
import org.springframework.stereotype.Service;

/**
 * Login with username and password, throttled per username; an unknown username costs the same
 * time as a wrong password, so neither tells which one it was. A login opens a device session.
 */
@Service
class PasswordLogin {
    /** Verified against when the username is unknown, so both cases take the same time. */
    private final String unknownUserHash;

    private final CredentialRepository credentials;
    private final ProfileProvisioner provisioner;
    private final LoginThrottle throttle;
    private final PasswordWork passwords;
    private final SessionService sessions;

    PasswordLogin(
            CredentialRepository credentials,
            ProfileProvisioner provisioner,
            LoginThrottle throttle,
            PasswordWork passwords,
            SessionService sessions) {
        this.credentials = credentials;
        this.provisioner = provisioner;
        this.throttle = throttle;
        this.passwords = passwords;
        this.sessions = sessions;
        this.unknownUserHash = passwords.encode("timing-equaliser-" + System.nanoTime());
    }

    /** The username is looked up and throttled in its canonical form only ({@link Usernames}). */
    TokenResponse login(LoginRequest request) {
        String username = Usernames.canonical(request.username());
        throttle.checkAllowed(username);
        Credential credential = Usernames.isValid(username)
                ? credentials.findByUsername(username).orElse(null)
                : null;
        String hash = credential != null ? credential.passwordHash() : unknownUserHash;
        if (!passwords.matches(request.password(), hash) || credential == null) {
            throttle.recordFailure(username);
            throw ApiProblem.unauthorized("invalid_credentials", "wrong username or password");
        }
        throttle.recordSuccess(username);
        Credential complete = provisioner.complete(credential);
        return sessions.open(complete.userId(), request.deviceId(), request.deviceType());
    }
}
