package io.chatforge.im.contracts.frame;

/**
 * How large a server frame may get, one rule for every hop: the connector's sockets and its read of
 * a sync page from message-service, the gateway's relay from the connector, and the docs
 * (protocol.md, Limits). A sync page is cut at {@link #PAGE_BYTES} of JSON; the only frame that may
 * pass that is a page of one message that alone is larger, and every legal message fits many times
 * into {@link #RELAYED_FRAME_BYTES}, so no hop ever meets a frame it refuses.
 */
public final class FrameBudget {
    /** the largest frame any hop relays or reads: gateway <-> connector, message-service -> connector */
    public static final int RELAYED_FRAME_BYTES = 1 << 20;
    /** a sync page stops taking messages at this many bytes of JSON (it always takes one) */
    public static final int PAGE_BYTES = 256 * 1024;
    /** the smallest page budget a client may ask for ({@code maxBytes}) */
    public static final int MIN_PAGE_BYTES = 4 * 1024;
    /**
     * the most a client frame may carry before Netty refuses it outright (the connector's and the
     * gateway's inbound limit); a stored message is never larger than the frame that sent it
     */
    public static final int CLIENT_FRAME_HARD_LIMIT = 64 * 1024;
    /** what a stored message may gain on its way out: ids, sender, seq, timestamp */
    public static final int MESSAGE_ENVELOPE_BYTES = 1024;
    /** cursors of a full sync: MAX_CURSORS conversation ids of up to 64 characters and their seqs */
    public static final int CURSORS_BYTES = SyncLimits.MAX_CURSORS * (64 + 24);

    private FrameBudget() {}

    /**
     * What Netty lets in from a client before refusing the connection (1009), at the gateway and the
     * connector alike; frames above the client frame limit but below this get an {@code error} frame.
     */
    public static int inboundLimit(int clientFrameLimit) {
        return Math.max(CLIENT_FRAME_HARD_LIMIT, clientFrameLimit * 4);
    }

    /** The headroom rule: the largest frame a connector with this client frame limit may emit fits every hop. */
    public static boolean relayable(int clientFrameLimit) {
        long largestPage =
                Math.max((long) PAGE_BYTES, (long) CURSORS_BYTES + clientFrameLimit + MESSAGE_ENVELOPE_BYTES);
        return largestPage <= RELAYED_FRAME_BYTES;
    }
}
