package io.chatforge.im.auth.session;

import io.chatforge.im.security.ImPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/auth/sessions")
@Tag(name = "sessions")
class DeviceSessionController {
    private final DeviceSessions sessions;

    DeviceSessionController(DeviceSessions sessions) {
        this.sessions = sessions;
    }

    @GetMapping
    @Operation(summary = "My logged-in devices")
    List<DeviceSessionView> list(@AuthenticationPrincipal ImPrincipal me) {
        return sessions.list(me);
    }

    @DeleteMapping("/{sessionId}")
    @Operation(summary = "Log one of my devices out: its tokens stop working and its sockets close")
    ResponseEntity<Void> end(@AuthenticationPrincipal ImPrincipal me, @PathVariable String sessionId) {
        sessions.end(me, sessionId);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping
    @Operation(summary = "Log out every device but this one")
    Map<String, Integer> endOthers(@AuthenticationPrincipal ImPrincipal me) {
        return Map.of("ended", sessions.endOthers(me));
    }
}
