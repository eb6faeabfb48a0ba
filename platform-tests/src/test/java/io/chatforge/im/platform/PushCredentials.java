package io.chatforge.im.platform;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;

/**
 * Credentials for the test platform's FCM and APNs (both the local fakes): a Firebase service
 * account whose token URI is the fake's, and an APNs .p8 key; made fresh for each run.
 */
final class PushCredentials {
    static final String FCM_PROJECT = "chatforge-test";
    static final String APNS_KEY_ID = "TESTKEY123";
    static final String APNS_TEAM = "TEAM123456";
    static final String APNS_TOPIC = "io.chatforge.test";

    final String fcmServiceAccount;
    final String apnsKey;
    final ECPublicKey apnsPublicKey;

    PushCredentials(String tokenUri) {
        try {
            var rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(2048);
            KeyPair account = rsa.generateKeyPair();
            fcmServiceAccount = ApiClient.JSON.writeValueAsString(Map.of(
                    "type",
                    "service_account",
                    "project_id",
                    FCM_PROJECT,
                    "private_key_id",
                    "test-key",
                    "private_key",
                    pem(account.getPrivate().getEncoded()),
                    "client_email",
                    "push@" + FCM_PROJECT + ".iam.gserviceaccount.com",
                    "client_id",
                    "1",
                    "token_uri",
                    tokenUri));
            var ec = KeyPairGenerator.getInstance("EC");
            ec.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair apns = ec.generateKeyPair();
            apnsKey = pem(apns.getPrivate().getEncoded());
            apnsPublicKey = (ECPublicKey) apns.getPublic();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(byte[] pkcs8) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pkcs8)
                + "\n-----END PRIVATE KEY-----\n";
    }
}
