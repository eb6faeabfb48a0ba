package io.chatforge.im.push.webpush;

import io.chatforge.im.service.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "push")
class PublicKeyController {
    private final VapidKeyring keyring;

    PublicKeyController(VapidKeyring keyring) {
        this.keyring = keyring;
    }

    @GetMapping("/api/push/webpush/public-key")
    @Operation(
            summary =
                    "The VAPID public key (base64url) to subscribe with: PushManager.subscribe({applicationServerKey})")
    PublicKey publicKey() {
        return keyring.publicKey()
                .map(PublicKey::new)
                .orElseThrow(() -> ApiProblem.unavailable(
                        "webpush_disabled", "Web Push is not configured on this server", Duration.ofHours(1)));
    }

    record PublicKey(String publicKey) {}
}
