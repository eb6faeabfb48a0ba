package io.chatforge.im.contracts.messaging;

/**
 * Conversation ids are derived, never looked up: {@code d_<low>_<high>} for two users,
 * {@code g_<groupId>} for a group, {@code u_<userId>} for a user's own entries (what they deleted
 * or cleared for themselves, synced to their devices only). The connector keys inbound records with them so that one
 * conversation is always processed in order by one consumer.
 */
public final class ConversationIds {
    private static final int MAX_LENGTH = 64;

    private ConversationIds() {}

    public static String direct(long a, long b) {
        return a < b ? "d_" + a + "_" + b : "d_" + b + "_" + a;
    }

    public static String group(long groupId) {
        return "g_" + groupId;
    }

    public static String self(long userId) {
        return "u_" + userId;
    }

    /** The owner of a user's own conversation id, or null when it is not a well-formed one. */
    public static Long selfOwner(String id) {
        if (id == null || id.length() > MAX_LENGTH || !id.startsWith("u_")) {
            return null;
        }
        try {
            long userId = Long.parseLong(id.substring(2));
            return userId > 0 ? userId : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public static boolean isGroup(String id) {
        return id.startsWith("g_");
    }

    public static boolean isDirect(String id) {
        return id.startsWith("d_");
    }

    /** The two members of a direct conversation id, or null when it is not a well-formed one. */
    public static long[] members(String id) {
        if (id == null || id.length() > MAX_LENGTH || !isDirect(id)) {
            return null;
        }
        int sep = id.indexOf('_', 2);
        if (sep < 0) {
            return null;
        }
        try {
            long low = Long.parseLong(id.substring(2, sep));
            long high = Long.parseLong(id.substring(sep + 1));
            return low > 0 && low < high ? new long[] {low, high} : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The group of a group conversation id, or null when it is not a well-formed one. */
    public static Long groupId(String id) {
        if (id == null || id.length() > MAX_LENGTH || !id.startsWith("g_")) {
            return null;
        }
        try {
            long groupId = Long.parseLong(id.substring(2));
            return groupId > 0 ? groupId : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** True for ids this platform can produce (direct, group or own), false for anything else. */
    public static boolean isWellFormed(String id) {
        if (id == null || id.length() > MAX_LENGTH) {
            return false;
        }
        if (isDirect(id)) {
            return members(id) != null;
        }
        return groupId(id) != null || selfOwner(id) != null;
    }
}
