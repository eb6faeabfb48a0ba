package io.chatforge.im.message.group;

import io.chatforge.im.contracts.messaging.ConversationIds;
import org.springframework.stereotype.Component;

/** Read receipts in groups go to the members online, unless the group turned them off (large groups). */
@Component
public class GroupReceipts {
    private final GroupStore groups;
    private final GroupFanout fanout;

    GroupReceipts(GroupStore groups, GroupFanout fanout) {
        this.groups = groups;
        this.fanout = fanout;
    }

    public void deliver(String conversationId, String receipt, long readerId, String readerDevice) {
        long groupId = Long.parseLong(conversationId.substring(2));
        groups.find(groupId)
                .filter(GroupRow::receiptsEnabled)
                .ifPresent(g -> fanout.deliver(groupId, receipt, readerId, readerDevice));
    }

    public static boolean isGroup(String conversationId) {
        return !ConversationIds.isDirect(conversationId);
    }
}
