package io.chatforge.im.platform;

import java.util.Map;

/** A {@link ResilientDevice}'s send until its {@code sent} or a final error: when it went out last, when to retry. */
final class PendingSend {
    final String clientMsgId;
    final Map<String, Object> to;
    final String text;
    long lastSentAt;
    long retryAt;
    int attempts;

    PendingSend(String clientMsgId, Map<String, Object> to, String text) {
        this.clientMsgId = clientMsgId;
        this.to = to;
        this.text = text;
    }
}
