package io.chatforge.im.push.device;

/**
 * Where one device of a user is reached when it has no live socket: an FCM or APNs token, or a
 * Web Push subscription (endpoint and keys); {@code preview}: notifications may show the text.
 */
public record Registration(
        long userId,
        String deviceId,
        String provider,
        String token,
        String endpoint,
        String p256dh,
        String auth,
        boolean preview,
        String locale,
        long updatedAt) {
    public static final String FCM = "fcm";
    public static final String APNS = "apns";
    public static final String WEBPUSH = "webpush";
}
