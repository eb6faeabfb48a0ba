package io.chatforge.im.auth.token;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key that signs access tokens and the public keys services may verify with: the current one
 * and, during a rotation, the previous ones.
 */
public final class SigningKeys {
    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final RSAKey current;
    private final JWKSet publicKeys;

    SigningKeys(RSAKey current, List<RSAKey> previous) {
        this.current = current;
        List<JWK> published = new ArrayList<>();
        published.add(current.toPublicJWK());
        previous.forEach(k -> published.add(k.toPublicJWK()));
        this.publicKeys = new JWKSet(published);
    }

    static SigningKeys from(TokenProperties properties) {
        RSAPrivateCrtKey privateKey = loadPrivateKey(properties);
        RSAKey current = rsaKey(properties.keyId(), privateKey);
        List<RSAKey> previous = properties.previousPublicKeys().entrySet().stream()
                .map(e -> new RSAKey.Builder(PemKeys.publicKey(e.getValue()))
                        .keyID(e.getKey())
                        .keyUse(KeyUse.SIGNATURE)
                        .algorithm(JWSAlgorithm.RS256)
                        .build())
                .toList();
        return new SigningKeys(current, previous);
    }

    RSAKey current() {
        return current;
    }

    /** The public JWK set served at the JWKS endpoint. */
    public JWKSet publicKeys() {
        return publicKeys;
    }

    private static RSAKey rsaKey(String keyId, RSAPrivateCrtKey privateKey) {
        return new RSAKey.Builder(PemKeys.publicKeyOf(privateKey))
                .privateKey(privateKey)
                .keyID(keyId)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .build();
    }

    private static RSAPrivateCrtKey loadPrivateKey(TokenProperties properties) {
        if (properties.privateKey() != null && !properties.privateKey().isBlank()) {
            return PemKeys.privateKey(properties.privateKey());
        }
        if (!properties.generateDevKey()) {
            throw new IllegalStateException("no signing key: set IM_AUTH_JWT_PRIVATE_KEY (RSA, PKCS#8 PEM);"
                    + " only the dev profile generates one");
        }
        return devKey(properties.devKeyFile());
    }

    /** A generated key for development, kept in a file when one is named so tokens survive restarts. */
    private static RSAPrivateCrtKey devKey(String file) {
        try {
            if (file != null && !file.isBlank() && Files.exists(Path.of(file))) {
                return PemKeys.privateKey(Files.readString(Path.of(file)));
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            RSAPrivateCrtKey key =
                    (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
            log.warn("using a generated development signing key; never run production like this");
            if (file != null && !file.isBlank()) {
                Path path = Path.of(file);
                Files.createDirectories(path.toAbsolutePath().getParent());
                Files.writeString(path, PemKeys.privateKeyPem(key));
                try {
                    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system
                }
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the dev key file " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
