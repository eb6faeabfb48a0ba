package io.chatforge.im.message.group;

import io.chatforge.im.contracts.messaging.ConversationIds;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Read receipts in groups go to the members online, unless the group turned them off (large
 * groups); the reader's other devices get them either way, to clear their unread counts.
 */
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
        boolean toMembers = groups.find(groupId).map(GroupRow::receiptsEnabled).orElse(false);
        Set<Long> online = toMembers ? fanout.onlineMembers(groupId) : Set.of();
        fanout.deliver(online, receipt, readerId, readerDevice);
    }

    public static boolean isGroup(String conversationId) {
        return !ConversationIds.isDirect(conversationId);
    }
}
