package io.chatforge.im.user.profile;

import io.chatforge.im.contracts.user.ProfileLimits;
import io.chatforge.im.service.web.ApiProblem;
import java.net.URI;
import java.net.URISyntaxException;

/** What a nickname and an avatar may look like. */
final class ProfileRules {
    static final int NICKNAME_MAX = ProfileLimits.NICKNAME_MAX;
    static final int AVATAR_MAX = ProfileLimits.AVATAR_MAX;

    private ProfileRules() {}

    /** Trims and checks a nickname: 1-64 characters (emoji count as one), no control characters. */
    static String nickname(String raw) {
        if (!ProfileLimits.isValidNickname(raw)) {
            throw invalid("nickname", "must be 1 to " + NICKNAME_MAX + " characters without control characters");
        }
        return raw.strip();
    }

    /** An absolute http(s) URL of at most 512 characters; the empty string means "no avatar". */
    static String avatar(String raw) {
        String avatar = raw.strip();
        if (avatar.isEmpty()) {
            return null;
        }
        if (avatar.length() > AVATAR_MAX) {
            throw invalid("avatar", "must be at most " + AVATAR_MAX + " characters");
        }
        try {
            URI uri = new URI(avatar);
            String scheme = uri.getScheme();
            if (scheme == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null) {
                throw invalid("avatar", "must be an absolute http or https URL");
            }
        } catch (URISyntaxException e) {
            throw invalid("avatar", "must be an absolute http or https URL");
        }
        return avatar;
    }

    private static ApiProblem invalid(String field, String message) {
        return ApiProblem.badRequest("validation_failed", field + " " + message).with("field", field);
    }
}
