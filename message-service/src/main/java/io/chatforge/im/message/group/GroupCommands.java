package io.chatforge.im.message.group;

import io.chatforge.im.contracts.frame.MsgFrame;
import io.chatforge.im.contracts.messaging.ConversationIds;
import io.chatforge.im.message.log.ConversationLog;
import io.chatforge.im.service.web.ApiProblem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * A group's life: creating it with friends, changing its name and settings, dissolving it. Each
 * decides here and asks the conversation log to record the system message that tells everyone.
 */
@Service
class GroupCommands {
    private final GroupStore groups;
    private final GroupRules rules;
    private final ConversationLog log;
    private final GroupChanges changes;
    private final int memberLimit;

    GroupCommands(
            GroupStore groups,
            GroupRules rules,
            ConversationLog log,
            GroupChanges changes,
            @Value("${im.message.group-member-limit:2000}") int memberLimit) {
        this.groups = groups;
        this.rules = rules;
        this.log = log;
        this.changes = changes;
        this.memberLimit = memberLimit;
    }

    GroupView create(long owner, GroupRequests.Create request) {
        GroupRules.requireName(request.name());
        Set<Long> invited = new LinkedHashSet<>(request.memberIds());
        invited.remove(owner);
        if (invited.size() + 1 > memberLimit) {
            throw ApiProblem.badRequest("member_limit", "a group has at most " + memberLimit + " members");
        }
        rules.requireFriendsOf(owner, invited);
        String name = request.name().strip();
        GroupChange created = changes.apply(() -> {
            long now = System.currentTimeMillis();
            long id = groups.insert(name, owner, memberLimit, Boolean.TRUE.equals(request.allowMemberInvites()), now);
            String conversationId = ConversationIds.group(id);
            log.openGroup(conversationId, now);
            List<Long> all = new ArrayList<>();
            all.add(owner);
            all.addAll(invited);
            groups.addMembers(id, List.of(owner), Role.OWNER, now);
            groups.addMembers(id, invited, Role.MEMBER, now);
            log.join(conversationId, all, 0, now);
            MsgFrame message =
                    log.appendSystem(conversationId, owner, "group.created", Map.of("name", name, "userIds", all));
            groups.update(groups.lock(id).orElseThrow().withMemberCount(all.size()));
            return new GroupChange(id, message, all, List.of());
        });
        return groups.find(created.groupId()).orElseThrow().toView();
    }

    GroupView update(long actor, long groupId, GroupRequests.Update request) {
        if (request.name() != null) {
            GroupRules.requireName(request.name());
        }
        changes.apply(() -> {
            GroupRow group = rules.lockActive(groupId, actor);
            rules.requireManager(group, actor);
            GroupRow updated = GroupRules.updated(group, request);
            groups.update(updated);
            String event = updated.name().equals(group.name()) ? "group.updated" : "group.renamed";
            return GroupChange.of(
                    groupId, log.appendSystem(group.conversationId(), actor, event, Map.of("name", updated.name())));
        });
        return groups.find(groupId).orElseThrow().toView();
    }

    void dissolve(long actor, long groupId) {
        changes.apply(() -> {
            GroupRow group = rules.lockActive(groupId, actor);
            rules.requireOwner(group, actor);
            List<Long> members = groups.memberIds(groupId);
            MsgFrame message = log.appendSystem(group.conversationId(), actor, "group.dissolved", Map.of());
            log.leave(group.conversationId(), members, message.seq());
            groups.removeAll(groupId);
            groups.update(group.dissolvedAt(System.currentTimeMillis()));
            return new GroupChange(groupId, message, List.of(), members);
        });
    }
}
