package io.chatforge.im.push.device;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;

/** A registration as its owner sees it: never the token or the keys, only where it points. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RegistrationView(
        String deviceId, String provider, String endpointHost, boolean preview, String locale, long updatedAt) {

    static RegistrationView of(Registration r) {
        String host = r.endpoint() == null ? null : URI.create(r.endpoint()).getHost();
        return new RegistrationView(r.deviceId(), r.provider(), host, r.preview(), r.locale(), r.updatedAt());
    }
}
