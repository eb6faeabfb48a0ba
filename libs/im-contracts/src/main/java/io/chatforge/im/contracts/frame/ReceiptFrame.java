package io.chatforge.im.contracts.frame;

/** {@code readerId} has read the conversation up to {@code seq}. */
public record ReceiptFrame(String type, String conversationId, long readerId, long seq) {

    public ReceiptFrame(String conversationId, long readerId, long seq) {
        this(FrameTypes.RECEIPT, conversationId, readerId, seq);
    }
}
