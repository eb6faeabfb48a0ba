package io.chatforge.im.platform;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

/** Access tokens the platform must refuse: expired, tampered, or signed with a stranger's key. */
final class ForgedTokens {
    private ForgedTokens() {}

    /** Signed with the platform's real (dev) key, but already expired. */
    static String expired(Path devKeyFile, long userId) {
        Instant past = Instant.now().minusSeconds(3600);
        return sign(readKey(devKeyFile), "im-key-1", userId, past.minusSeconds(900), past);
    }

    /**
     * A valid token signed with the platform's dev key, for a device session of the user that
     * auth-service never opened: lets a test choose its lifetime.
     */
    static String valid(Path devKeyFile, long userId, String deviceId, Duration lifetime) {
        Instant now = Instant.now();
        return sign(readKey(devKeyFile), "im-key-1", userId, deviceId, now, now.plus(lifetime));
    }

    /** A valid token whose payload was changed afterwards (another user id). */
    static String tampered(String validToken, long otherUserId) {
        String[] parts = validToken.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
        String changed = payload.replaceFirst("\"sub\":\"\\d+\"", "\"sub\":\"" + otherUserId + "\"");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(changed.getBytes()) + "."
                + parts[2];
    }

    /** Well formed and unexpired, but signed by a key the platform never issued (same kid). */
    static String signedByStranger(long userId) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return sign(
                    generator.generateKeyPair().getPrivate(),
                    "im-key-1",
                    userId,
                    Instant.now(),
                    Instant.now().plusSeconds(600));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(PrivateKey key, String kid, long userId, Instant issued, Instant expires) {
        return sign(key, kid, userId, "forged-device", issued, expires);
    }

    private static String sign(
            PrivateKey key, String kid, long userId, String deviceId, Instant issued, Instant expires) {
        var claims = new JWTClaimsSet.Builder()
                .issuer("chatforge-im")
                .subject(Long.toString(userId))
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(issued))
                .expirationTime(Date.from(expires))
                .claim("did", deviceId)
                .claim("sid", UUID.randomUUID().toString())
                .build();
        var jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static PrivateKey readKey(Path file) {
        try {
            String pem = Files.readString(file)
                    .replace("-----BEGIN PRIVATE KEY-----", "")
                    .replace("-----END PRIVATE KEY-----", "")
                    .replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
