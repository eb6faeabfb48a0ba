package io.chatforge.im.auth.token;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.chatforge.im.security.AccessTokenValidators;
import io.chatforge.im.security.ImSecurityProperties;
import io.chatforge.im.security.RevokedSessionCheck;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
     * refuses tokens of revoked device sessions like every service.
     */
    @Bean
    JwtDecoder jwtDecoder(
            SigningKeys keys, TokenProperties properties, ImSecurityProperties security, RevokedSessionCheck revoked) {
        var processor = new DefaultJWTProcessor<SecurityContext>();
        processor.setJWSKeySelector(
                new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(keys.publicKeys())));
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        decoder.setJwtValidator(
                AccessTokenValidators.of(properties.issuer(), security.jwt().clockSkew(), revoked));
        return decoder;
    }
}
