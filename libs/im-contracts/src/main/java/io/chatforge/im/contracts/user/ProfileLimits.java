package io.chatforge.im.contracts.user;

/** Limits of profile fields, shared by user-service (owner) and auth-service (registration). */
public final class ProfileLimits {
    public static final int NICKNAME_MAX = 64;
    public static final int AVATAR_MAX = 512;

    private ProfileLimits() {}

    /** 1 to 64 characters once trimmed (an emoji counts as one), none that disguises ({@link DisplayNames}). */
    public static boolean isValidNickname(String nickname) {
        return DisplayNames.isValid(nickname, NICKNAME_MAX);
    }
}
