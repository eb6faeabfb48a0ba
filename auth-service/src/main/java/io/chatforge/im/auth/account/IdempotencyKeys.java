package io.chatforge.im.auth.account;

import io.chatforge.im.service.web.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The {@code Idempotency-Key} header of a registration: 8 to 128 visible ASCII characters, kept as SHA-256. */
final class IdempotencyKeys {
    static final int MIN = 8;
    static final int MAX = 128;

    private IdempotencyKeys() {}

    /** The hash of a well-formed key, null without one; 400 for a malformed one. */
    static String hash(String key) {
        if (key == null) {
            return null;
        }
        if (key.length() < MIN || key.length() > MAX || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw ApiProblem.badRequest(
                            "validation_failed", "Idempotency-Key must be 8 to 128 visible ASCII characters")
                    .with("field", "Idempotency-Key");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
