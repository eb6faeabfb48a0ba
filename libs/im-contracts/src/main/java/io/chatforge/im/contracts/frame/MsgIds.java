package io.chatforge.im.contracts.frame;

/** Message ids travel as decimal strings; this reads one back. */
public final class MsgIds {
    private MsgIds() {}

    /** The id, or null when the string is not a positive decimal number. */
    public static Long parse(String msgId) {
        if (msgId == null || msgId.isEmpty() || msgId.length() > 19) {
            return null;
        }
        for (int i = 0; i < msgId.length(); i++) {
            if (msgId.charAt(i) < '0' || msgId.charAt(i) > '9') {
                return null;
            }
        }
        try {
            long id = Long.parseLong(msgId);
            return id > 0 ? id : null;
        } catch (NumberFormatException tooLarge) {
            return null;
        }
    }
}
