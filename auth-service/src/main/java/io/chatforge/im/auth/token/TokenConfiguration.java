package io.chatforge.im.auth.token;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.chatforge.im.auth.session.SessionRevocations;
import io.chatforge.im.security.AccessTokenClaims;
import io.chatforge.im.security.AccessTokenValidators;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

@Configuration(proxyBeanMethods = false)
class TokenConfiguration {

    @Bean
    SigningKeys signingKeys(TokenProperties properties) {
        return SigningKeys.from(properties);
    }

    /**
     * auth-service verifies access tokens with its own keys instead of fetching its own JWKS, and
     * refuses tokens of revoked device sessions.
     */
    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys, TokenProperties properties, SessionRevocations revocations) {
        var processor = new DefaultJWTProcessor<SecurityContext>();
        processor.setJWSKeySelector(
                new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(keys.publicKeys())));
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        OAuth2TokenValidator<Jwt> notRevoked =
                jwt -> revocations.isRevoked(jwt.getClaimAsString(AccessTokenClaims.SESSION_ID))
                        ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "session revoked", null))
                        : OAuth2TokenValidatorResult.success();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                AccessTokenValidators.of(properties.issuer(), Duration.ofSeconds(30)), notRevoked));
        return decoder;
    }
}
