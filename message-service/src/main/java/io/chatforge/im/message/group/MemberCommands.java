package io.chatforge.im.message.group;

import io.chatforge.im.contracts.frame.MsgFrame;
import io.chatforge.im.message.log.ConversationLog;
import io.chatforge.im.service.web.ApiProblem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/**
 * Who is in a group and with which role: adding friends, kicking and leaving, admins, transfer of
 * ownership and mutes. Each change is decided here and recorded in the conversation log as a
 * system message, in the transaction that holds the group's lock.
 */
@Service
class MemberCommands {
    private final GroupStore groups;
    private final GroupRules rules;
    private final ConversationLog log;
    private final GroupChanges changes;

    MemberCommands(GroupStore groups, GroupRules rules, ConversationLog log, GroupChanges changes) {
        this.groups = groups;
        this.rules = rules;
        this.log = log;
        this.changes = changes;
    }

    List<Long> add(long actor, long groupId, List<Long> userIds) {
        Set<Long> wanted = new LinkedHashSet<>(userIds);
        wanted.remove(actor);
        GroupRow current =
                groups.find(groupId).filter(g -> !g.dissolved()).orElseThrow(() -> GroupRules.notFound(groupId));
        GroupRules.requireMayInvite(rules.requireMember(current, actor), current);
        wanted.removeAll(groups.existingMembers(groupId, wanted));
        // the friend check calls friend-service: before the group is locked, not while
        rules.requireFriendsOf(actor, wanted);
        return changes.apply(() -> {
                    GroupRow group = rules.lockActive(groupId, actor);
                    GroupRules.requireMayInvite(rules.requireMember(group, actor), group);
                    List<Long> fresh = new ArrayList<>(wanted);
                    fresh.removeAll(groups.existingMembers(groupId, wanted));
                    if (fresh.isEmpty()) {
                        return GroupChange.none(groupId);
                    }
                    GroupRules.requireRoomFor(group, fresh.size());
                    long now = System.currentTimeMillis();
                    groups.addMembers(groupId, fresh, Role.MEMBER, now);
                    MsgFrame joined =
                            log.appendSystem(group.conversationId(), actor, "members.joined", Map.of("userIds", fresh));
                    log.join(group.conversationId(), fresh, joined.seq() - 1, now);
                    groups.update(group.withMemberCount(group.memberCount() + fresh.size()));
                    return new GroupChange(groupId, joined, fresh, List.of());
                })
                .joined();
    }

    /** A kick by an owner or admin, or leaving (removing yourself). */
    void remove(long actor, long groupId, long userId) {
        changes.apply(() -> {
            GroupRow group = rules.lockActive(groupId, actor);
            MemberRow me = rules.requireMember(group, actor);
            String event = GroupRules.removal(me, rules.requireTarget(groupId, userId));
            groups.removeMember(groupId, userId);
            MsgFrame message =
                    log.appendSystem(group.conversationId(), actor, event, Map.of("userIds", List.of(userId)));
            log.leave(group.conversationId(), List.of(userId), message.seq());
            groups.update(group.withMemberCount(group.memberCount() - 1));
            return new GroupChange(groupId, message, List.of(), List.of(userId));
        });
    }

    void setAdmin(long actor, long groupId, long userId, boolean admin) {
        roleChange(
                actor,
                groupId,
                userId,
                group -> {
                    if (rules.requireTarget(groupId, userId).role() == Role.OWNER) {
                        throw ApiProblem.conflict("is_owner", "the owner's role changes only by transfer");
                    }
                    groups.setRole(groupId, userId, admin ? Role.ADMIN : Role.MEMBER);
                },
                admin ? "admin.added" : "admin.removed");
    }

    /** The new owner takes over; the old one stays as an admin. */
    void transfer(long actor, long groupId, long userId) {
        roleChange(
                actor,
                groupId,
                userId,
                group -> {
                    rules.requireTarget(groupId, userId);
                    groups.setRole(groupId, userId, Role.OWNER);
                    groups.setRole(groupId, actor, Role.ADMIN);
                    groups.update(group.withOwner(userId));
                },
                "owner.transferred");
    }

    /** Mutes a member for some minutes (null: unmute); owners and admins over lower ranks. */
    void mute(long actor, long groupId, long userId, Integer minutes) {
        changes.apply(() -> {
            GroupRow group = rules.lockActive(groupId, actor);
            GroupRules.requireOutranks(rules.requireMember(group, actor), rules.requireTarget(groupId, userId));
            Long until = minutes == null ? null : System.currentTimeMillis() + minutes * 60_000L;
            groups.setMutedUntil(groupId, userId, until);
            MsgFrame message = log.appendSystem(
                    group.conversationId(),
                    actor,
                    until == null ? "member.unmuted" : "member.muted",
                    until == null
                            ? Map.of("userIds", List.of(userId))
                            : Map.of("userIds", List.of(userId), "until", until));
            return GroupChange.of(groupId, message);
        });
    }

    private void roleChange(long actor, long groupId, long userId, Consumer<GroupRow> apply, String event) {
        changes.apply(() -> {
            GroupRow group = rules.lockActive(groupId, actor);
            rules.requireOwner(group, actor);
            if (userId == actor) {
                throw ApiProblem.badRequest("validation_failed", "choose another member");
            }
            apply.accept(group);
            MsgFrame message =
                    log.appendSystem(group.conversationId(), actor, event, Map.of("userIds", List.of(userId)));
            return GroupChange.of(groupId, message);
        });
    }
}
