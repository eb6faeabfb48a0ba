package io.chatforge.im.push.device;

/** {@code PUT /api/push/devices/{deviceId}}: a token (fcm, apns) or a subscription (webpush). */
record RegistrationRequest(String provider, String token, Subscription subscription, Boolean preview, String locale) {

    /** A browser's PushSubscription as its toJSON() gives it. */
    record Subscription(String endpoint, Keys keys) {
        record Keys(String p256dh, String auth) {}
    }
}
