package io.chatforge.im.message.group;

import io.chatforge.im.message.push.Delivery;
import io.chatforge.im.message.push.Push;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a change to a group in one transaction (the change locks the group row first, so changes
 * of a group run one at a time and concurrent adds cannot pass the member limit). After commit its
 * system message goes to the members of that moment who are online, and to those who left by it.
 */
@Component
class GroupChanges {
    private final TransactionTemplate transactions;
    private final GroupStore groups;
    private final Push push;
    private final JsonMapper json;

    GroupChanges(TransactionTemplate transactions, GroupStore groups, Push push, JsonMapper json) {
        this.transactions = transactions;
        this.groups = groups;
        this.push = push;
        this.json = json;
    }

    GroupChange apply(Supplier<GroupChange> change) {
        Announcement announcement = transactions.execute(tx -> {
            GroupChange done = change.get();
            List<Long> members = done.message() == null ? List.of() : groups.memberIds(done.groupId());
            return new Announcement(done, members);
        });
        announce(announcement);
        return announcement.change();
    }

    private void announce(Announcement announcement) {
        GroupChange change = announcement.change();
        if (change.message() == null) {
            return;
        }
        Set<Long> audience = new HashSet<>(announcement.members());
        audience.addAll(change.left()); // the ones who left still see the message saying so
        push.deliver(Delivery.toMembers(
                json.writeValueAsString(change.message()),
                audience,
                change.message().from().userId(),
                null));
    }

    /** The members are those as of the system message, read with the group locked. */
    private record Announcement(GroupChange change, List<Long> members) {}
}
