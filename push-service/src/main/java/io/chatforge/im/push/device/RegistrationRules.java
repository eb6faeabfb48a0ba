package io.chatforge.im.push.device;

import io.chatforge.im.service.web.ApiProblem;
import java.util.Base64;
import java.util.regex.Pattern;

/** What a registration must be: a known provider with a token, or a subscription the guard allows. */
final class RegistrationRules {
    private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7e]{1,4096}");
    private static final Pattern LOCALE = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,4}");
    private static final int MAX_ENDPOINT = 2048;

    private final EndpointGuard guard;

    RegistrationRules(EndpointGuard guard) {
        this.guard = guard;
    }

    Registration check(long userId, String deviceId, RegistrationRequest request, long now) {
        if (request == null || request.provider() == null) {
            throw invalid("provider must be fcm, apns or webpush");
        }
        boolean preview = request.preview() == null || request.preview();
        String locale = request.locale();
        if (locale != null && !LOCALE.matcher(locale).matches()) {
            throw invalid("locale must be a language tag such as en or zh-Hans-CN");
        }
        switch (request.provider()) {
            case Registration.FCM, Registration.APNS -> {
                if (request.token() == null || !TOKEN.matcher(request.token()).matches()) {
                    throw invalid("token must be the provider's device token (1-4096 printable characters)");
                }
                return new Registration(
                        userId, deviceId, request.provider(), request.token(), null, null, null, preview, locale, now);
            }
            case Registration.WEBPUSH -> {
                var s = request.subscription();
                if (s == null || s.endpoint() == null || s.keys() == null) {
                    throw invalid("subscription must have an endpoint and keys {p256dh, auth}");
                }
                if (s.endpoint().length() > MAX_ENDPOINT || !guard.allows(s.endpoint())) {
                    throw ApiProblem.badRequest(
                            "endpoint_not_allowed",
                            "the subscription's endpoint is not a push service this server calls");
                }
                if (decodedLength(s.keys().p256dh()) != 65
                        || decodedLength(s.keys().auth()) != 16) {
                    throw invalid(
                            "keys.p256dh must be a P-256 public key (65 bytes) and keys.auth 16 bytes, base64url");
                }
                return new Registration(
                        userId,
                        deviceId,
                        Registration.WEBPUSH,
                        null,
                        s.endpoint(),
                        s.keys().p256dh(),
                        s.keys().auth(),
                        preview,
                        locale,
                        now);
            }
            default -> throw invalid("provider must be fcm, apns or webpush");
        }
    }

    private static int decodedLength(String base64url) {
        if (base64url == null) {
            return -1;
        }
        try {
            return Base64.getUrlDecoder().decode(base64url.replace("=", "")).length;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    private static ApiProblem invalid(String detail) {
        return ApiProblem.badRequest("validation_failed", detail);
    }
}
