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
        return positiveAfter("u_", id);
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
        return positiveAfter("g_", id);
    }

    /** The positive number after {@code prefix} in {@code id}, or null. */
    private static Long positiveAfter(String prefix, String id) {
        if (id == null || id.length() > MAX_LENGTH || !id.startsWith(prefix)) {
            return null;
        }
        try {
            long value = Long.parseLong(id.substring(prefix.length()));
            return value > 0 ? value : null;
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
