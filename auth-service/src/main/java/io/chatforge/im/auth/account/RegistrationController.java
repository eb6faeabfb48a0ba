package io.chatforge.im.auth.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "accounts")
class RegistrationController {
    private final RegistrationService registrations;

    RegistrationController(RegistrationService registrations) {
        this.registrations = registrations;
    }

    @PostMapping("/api/auth/register")
    @Operation(
            summary = "Create an account",
            description = "201 when created; 200 when repeated with the same Idempotency-Key shortly after;"
                    + " 409 when the username is taken; 503 when it could not be finished (repeat it with the"
                    + " same Idempotency-Key)")
    ResponseEntity<RegistrationResponse> register(
            @Valid @RequestBody RegisterRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        var registration = registrations.register(request, IdempotencyKeys.hash(idempotencyKey));
        var body = new RegistrationResponse(
                registration.credential().userId(), registration.credential().username());
        return ResponseEntity.status(registration.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(body);
    }
}
