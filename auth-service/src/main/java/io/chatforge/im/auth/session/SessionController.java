package io.chatforge.im.auth.session;

import io.chatforge.im.security.ImPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/auth")
@Tag(name = "sessions")
class SessionController {
    private final PasswordLogin logins;
    private final SessionService sessions;

    SessionController(PasswordLogin logins, SessionService sessions) {
        this.logins = logins;
        this.sessions = sessions;
    }

    @PostMapping("/login")
    @Operation(summary = "Log a device in; a second login of the same device replaces its session")
    TokenResponse login(@Valid @RequestBody LoginRequest request) {
        return logins.login(request);
    }

    @PostMapping("/refresh")
    @Operation(summary = "Trade a refresh token for new tokens; a spent token revokes the session")
    TokenResponse refresh(@Valid @RequestBody RefreshRequest request) {
        return sessions.refresh(request);
    }

    @PostMapping("/logout")
    @Operation(summary = "Revoke this device's session: its refresh and access tokens stop working")
    ResponseEntity<Void> logout(@AuthenticationPrincipal ImPrincipal me) {
        sessions.logout(me.userId(), me.sessionId());
        return ResponseEntity.noContent().build();
    }
}
