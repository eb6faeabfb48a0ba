package io.chatforge.im.push.device;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatforge.im.service.web.ApiProblem;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistrationRulesTest {
    private static final String P256DH = Base64.getUrlEncoder().withoutPadding().encodeToString(point());
    private static final String AUTH = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[16]);

    private final RegistrationRules rules =
            new RegistrationRules(new EndpointGuard(List.of("fcm.googleapis.com"), false));

    @Test
    void aTokenOrASubscription_isRecorded_previewOnByDefault() {
        Registration fcm = rules.check(1, "phone", new RegistrationRequest("fcm", "tok:en", null, null, "en-GB"), 5);
        assertThat(fcm.token()).isEqualTo("tok:en");
        assertThat(fcm.preview()).isTrue();
        Registration web = rules.check(1, "laptop", webpush("https://fcm.googleapis.com/fcm/send/x", P256DH, AUTH), 5);
        assertThat(web.endpoint()).isEqualTo("https://fcm.googleapis.com/fcm/send/x");
        assertThat(web.p256dh()).isEqualTo(P256DH);
    }

    @Test
    void badRegistrations_areRefusedByName() {
        assertThat(code(new RegistrationRequest("sms", "x", null, null, null))).isEqualTo("validation_failed");
        assertThat(code(new RegistrationRequest("apns", "", null, null, null))).isEqualTo("validation_failed");
        assertThat(code(new RegistrationRequest("apns", "has space", null, null, null)))
                .isEqualTo("validation_failed");
        assertThat(code(new RegistrationRequest("fcm", "t", null, null, "<script>")))
                .isEqualTo("validation_failed");
        assertThat(code(webpush("https://evil.example/x", P256DH, AUTH))).isEqualTo("endpoint_not_allowed");
        assertThat(code(webpush("https://fcm.googleapis.com/x", AUTH, AUTH))).isEqualTo("validation_failed");
        assertThat(code(webpush("https://fcm.googleapis.com/x", P256DH, "short")))
                .isEqualTo("validation_failed");
    }

    private String code(RegistrationRequest request) {
        try {
            rules.check(1, "d", request, 0);
        } catch (ApiProblem problem) {
            return problem.code();
        }
        throw new AssertionError("accepted");
    }

    private static RegistrationRequest webpush(String endpoint, String p256dh, String auth) {
        return new RegistrationRequest(
                "webpush",
                null,
                new RegistrationRequest.Subscription(endpoint, new RegistrationRequest.Subscription.Keys(p256dh, auth)),
                null,
                null);
    }

    private static byte[] point() {
        byte[] p = new byte[65];
        p[0] = 4;
        return p;
    }
}
