package io.chatforge.im.push.device;

import io.chatforge.im.security.ImPrincipal;
import io.chatforge.im.service.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A user's own devices' push registrations; a device registers only itself (the token's device). */
@RestController
@RequestMapping("/api/push/devices")
@Tag(name = "push")
class DeviceController {
    private final PushDevices devices;
    private final RegistrationRules rules;
    private final Clock clock;

    DeviceController(PushDevices devices, EndpointGuard guard, Clock clock) {
        this.devices = devices;
        this.rules = new RegistrationRules(guard);
        this.clock = clock;
    }

    @PutMapping("/{deviceId}")
    @Operation(summary = "Register (or replace) this device's FCM or APNs token, or Web Push subscription")
    RegistrationView register(
            @AuthenticationPrincipal ImPrincipal me,
            @PathVariable String deviceId,
            @RequestBody RegistrationRequest request) {
        own(me, deviceId);
        Registration registration = rules.check(me.userId(), deviceId, request, clock.millis());
        devices.save(registration);
        return RegistrationView.of(registration);
    }

    @GetMapping
    @Operation(summary = "My devices' registrations (without tokens or keys)")
    List<RegistrationView> mine(@AuthenticationPrincipal ImPrincipal me) {
        return devices.ofUser(me.userId()).stream().map(RegistrationView::of).toList();
    }

    @DeleteMapping("/{deviceId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Stop pushing to one of my devices")
    void remove(@AuthenticationPrincipal ImPrincipal me, @PathVariable String deviceId) {
        if (!devices.delete(me.userId(), deviceId)) {
            throw ApiProblem.notFound("device_not_registered", "no push registration for this device");
        }
    }

    private static void own(ImPrincipal me, String deviceId) {
        if (!deviceId.equals(me.deviceId())) {
            throw ApiProblem.forbidden(
                    "not_your_device", "a device registers only itself: the one its token was issued to");
        }
    }
}
