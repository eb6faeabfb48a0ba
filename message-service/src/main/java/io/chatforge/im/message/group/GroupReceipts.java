package io.chatforge.im.message.group;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Read receipts in groups go to the members, unless the group turned them off (large groups); the
 * reader's other devices get them either way, to clear their unread counts.
 */
@Component
public class GroupReceipts {
    private final GroupStore groups;

    GroupReceipts(GroupStore groups) {
        this.groups = groups;
    }

    /**
     * For a batch of reads, in one query: the members who hear of reads in each of these groups
     * (none where the group turned receipts off).
     */
    public Map<Long, Set<Long>> audiences(Collection<Long> groupIds) {
        return groups.membersWithReceipts(groupIds);
    }
}
