package io.chatforge.im.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

class AccessTokenValidatorsTest {
    private final OAuth2TokenValidator<Jwt> validator =
            AccessTokenValidators.of("chatforge-im", Duration.ofSeconds(30));

    @Test
    void aWellFormedToken_isValid() {
        assertThat(validator.validate(token(b -> {})).hasErrors()).isFalse();
    }

    @Test
    void expiredToken_isInvalid() {
        Jwt expired = token(b -> b.issuedAt(Instant.now().minusSeconds(3600))
                .expiresAt(Instant.now().minusSeconds(60)));
        assertThat(validator.validate(expired).hasErrors()).isTrue();
    }

    @Test
    void anotherIssuer_isInvalid() {
        assertThat(validator.validate(token(b -> b.issuer("someone-else"))).hasErrors())
                .isTrue();
    }

    @Test
    void aSubjectThatIsNotAUserId_isInvalid() {
        assertThat(validator.validate(token(b -> b.subject("admin"))).hasErrors())
                .isTrue();
        assertThat(validator
                        .validate(token(b -> b.subject("12345678901234567890")))
                        .hasErrors())
                .isTrue();
    }

    @Test
    void missingDeviceOrSession_isInvalid() {
        assertThat(validator
                        .validate(token(b -> b.claims(c -> c.remove(AccessTokenClaims.DEVICE_ID))))
                        .hasErrors())
                .isTrue();
        assertThat(validator
                        .validate(token(b -> b.claim(AccessTokenClaims.SESSION_ID, " ")))
                        .hasErrors())
                .isTrue();
    }

    private static Jwt token(Consumer<Jwt.Builder> change) {
        Jwt.Builder builder = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .issuer("chatforge-im")
                .subject("10001")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(900))
                .claim(AccessTokenClaims.DEVICE_ID, "phone")
                .claim(AccessTokenClaims.SESSION_ID, "9f0c1f7e-0000-4000-8000-000000000000");
        change.accept(builder);
        return builder.build();
    }
}
