package io.chatforge.im.message.group;

import io.chatforge.im.message.push.Delivery;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Read receipts in groups go to the members online, unless the group turned them off (large
 * groups); the reader's other devices get them either way, to clear their unread counts.
 */
@Component
public class GroupReceipts {
    private final GroupStore groups;

    GroupReceipts(GroupStore groups) {
        this.groups = groups;
    }

    public Delivery delivery(long groupId, String receipt, long readerId, String readerDevice) {
        boolean toMembers = groups.find(groupId).map(GroupRow::receiptsEnabled).orElse(false);
        List<Long> members = toMembers ? groups.memberIds(groupId) : List.of();
        return Delivery.toMembers(receipt, members, readerId, readerDevice);
    }
}
