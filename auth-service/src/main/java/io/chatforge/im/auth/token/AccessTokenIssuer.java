package io.chatforge.im.auth.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.chatforge.im.security.AccessTokenClaims;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Signs short-lived RS256 access tokens: sub = user id, did = device id, sid = device session. */
@Component
public class AccessTokenIssuer {
    private final SigningKeys keys;
    private final TokenProperties properties;
    private final RSASSASigner signer;
    private final Clock clock;

    AccessTokenIssuer(SigningKeys keys, TokenProperties properties, Clock clock) throws JOSEException {
        this.keys = keys;
        this.properties = properties;
        this.signer = new RSASSASigner(keys.current());
        this.clock = clock;
    }

    public IssuedAccessToken issue(long userId, String deviceId, String sessionId) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.accessTtl());
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(properties.issuer())
                .subject(Long.toString(userId))
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expiresAt))
                .claim(AccessTokenClaims.DEVICE_ID, deviceId)
                .claim(AccessTokenClaims.SESSION_ID, sessionId)
                .build();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(keys.current().getKeyID())
                .type(JOSEObjectType.JWT)
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign an access token", e);
        }
        return new IssuedAccessToken(jwt.serialize(), properties.accessTtl().toSeconds());
    }

    public record IssuedAccessToken(String value, long expiresInSeconds) {}
}
