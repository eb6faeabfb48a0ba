package io.chatforge.im.platform;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A browser's side of Web Push: its subscription keys (a P-256 key pair and a 16-byte auth
 * secret), and the decryption of what a push service delivers (RFC 8291 over RFC 8188
 * aes128gcm), written here from the RFCs with the JDK alone, as a check independent of the
 * library the server encrypts with.
 */
final class WebPushSubscriber {
    private final KeyPair keys;
    private final byte[] auth = new byte[16];

    WebPushSubscriber() {
        try {
            var generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            keys = generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        new SecureRandom().nextBytes(auth);
    }

    String p256dh() {
        return b64(uncompressed((ECPublicKey) keys.getPublic()));
    }

    String auth() {
        return b64(auth);
    }

    /** The plaintext of an aes128gcm body encrypted for this subscription. */
    byte[] decrypt(byte[] body) throws Exception {
        ByteBuffer in = ByteBuffer.wrap(body);
        byte[] salt = new byte[16];
        in.get(salt);
        in.getInt(); // record size
        byte[] serverKey = new byte[in.get() & 0xff];
        in.get(serverKey);
        byte[] ciphertext = new byte[in.remaining()];
        in.get(ciphertext);

        var agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(keys.getPrivate());
        agreement.doPhase(publicKey(serverKey), true);
        byte[] ecdhSecret = agreement.generateSecret();

        byte[] keyInfo = concat(
                "WebPush: info\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                uncompressed((ECPublicKey) keys.getPublic()),
                serverKey);
        byte[] ikm = expand(hmac(auth, ecdhSecret), keyInfo, 32);
        byte[] prk = hmac(salt, ikm);
        byte[] cek =
                expand(prk, "Content-Encoding: aes128gcm\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 16);
        byte[] nonce =
                expand(prk, "Content-Encoding: nonce\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 12);

        var cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
        byte[] padded = cipher.doFinal(ciphertext);
        int end = padded.length - 1;
        while (end >= 0 && padded[end] == 0) {
            end--;
        }
        if (end < 0 || padded[end] != 2) {
            throw new IllegalStateException("not the last record of an aes128gcm body");
        }
        return Arrays.copyOf(padded, end);
    }

    private static byte[] hmac(byte[] key, byte[] data) throws Exception {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    /** HKDF-Expand for one block (length <= 32). */
    private static byte[] expand(byte[] prk, byte[] info, int length) throws Exception {
        return Arrays.copyOf(hmac(prk, concat(info, new byte[] {1})), length);
    }

    private static java.security.PublicKey publicKey(byte[] point) throws Exception {
        var parameters = java.security.AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        var spec = parameters.getParameterSpec(java.security.spec.ECParameterSpec.class);
        var w = new ECPoint(
                new BigInteger(1, Arrays.copyOfRange(point, 1, 33)),
                new BigInteger(1, Arrays.copyOfRange(point, 33, 65)));
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, spec));
    }

    static byte[] uncompressed(ECPublicKey key) {
        byte[] out = new byte[65];
        out[0] = 4;
        copy32(key.getW().getAffineX(), out, 1);
        copy32(key.getW().getAffineY(), out, 33);
        return out;
    }

    private static void copy32(BigInteger value, byte[] out, int offset) {
        byte[] bytes = value.toByteArray();
        int from = Math.max(0, bytes.length - 32);
        int length = bytes.length - from;
        System.arraycopy(bytes, from, out, offset + 32 - length, length);
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int i = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, i, p.length);
            i += p.length;
        }
        return out;
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
