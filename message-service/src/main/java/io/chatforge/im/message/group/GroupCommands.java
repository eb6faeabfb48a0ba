package io.chatforge.im.message.group;

import io.chatforge.im.contracts.frame.MsgFrame;
import io.chatforge.im.contracts.user.DisplayNames;
import io.chatforge.im.message.conversation.Memberships;
import io.chatforge.im.message.conversation.SystemMessages;
import io.chatforge.im.service.web.ApiProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Changes to groups. Each runs in one transaction that locks the group row (so concurrent adds
 * cannot pass the member limit) and writes a system message into the conversation; after commit
 * the message is pushed to the members online and the online sets are updated.
 */
@Service
class GroupCommands {
    private final GroupStore groups;
    private final GroupRules rules;
    private final SystemMessages system;
    private final Memberships memberships;
    private final GroupFanout fanout;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final int memberLimit;

    @SuppressWarnings("checkstyle:ParameterNumber") // collaborators, wired once by Spring
    GroupCommands(
            GroupStore groups,
            GroupRules rules,
            SystemMessages system,
            Memberships memberships,
            GroupFanout fanout,
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            JsonMapper json,
            @Value("${im.message.group-member-limit:2000}") int memberLimit) {
        this.groups = groups;
        this.rules = rules;
        this.system = system;
        this.memberships = memberships;
        this.fanout = fanout;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.memberLimit = memberLimit;
    }

    GroupView create(long owner, GroupRequests.Create request) {
        requireName(request.name());
        Set<Long> invited = new LinkedHashSet<>(request.memberIds());
        invited.remove(owner);
        if (invited.size() + 1 > memberLimit) {
            throw ApiProblem.badRequest("member_limit", "a group has at most " + memberLimit + " members");
        }
        rules.requireFriendsOf(owner, invited);
        long now = System.currentTimeMillis();
        Change change = transactions.execute(tx -> {
            long id = groups.insert(
                    request.name().strip(), owner, memberLimit, Boolean.TRUE.equals(request.allowMemberInvites()), now);
            String conversationId = io.chatforge.im.contracts.messaging.ConversationIds.group(id);
            jdbc.update(
                    "INSERT INTO conversations (id, kind, last_seq, created_at) VALUES (?, 'group', 0, ?)",
                    conversationId,
                    now);
            List<Long> all = new ArrayList<>();
            all.add(owner);
            all.addAll(invited);
            groups.addMembers(id, List.of(owner), Role.OWNER, now);
            groups.addMembers(id, invited, Role.MEMBER, now);
            memberships.join(conversationId, all, 0, now);
            MsgFrame created = system.append(
                    conversationId,
                    owner,
                    "group.created",
                    Map.of("name", request.name().strip(), "userIds", all));
            GroupRow row = groups.lock(id).orElseThrow();
            groups.update(withCount(row, all.size()));
            return change(id, created, all, List.of());
        });
        announce(change);
        return groups.find(change.groupId()).orElseThrow().toView();
    }

    GroupView update(long actor, long groupId, GroupRequests.Update request) {
        if (request.name() != null) {
            requireName(request.name());
        }
        Change change = transactions.execute(tx -> {
            GroupRow group = rules.lockActive(groupId, actor);
            rules.requireManager(group, actor);
            String name = request.name() == null ? group.name() : request.name().strip();
            String avatar = request.avatar() == null
                    ? group.avatar()
                    : (request.avatar().isBlank() ? null : request.avatar());
            if (avatar != null && !avatar.matches("(?i)https?://\\S+")) {
                throw ApiProblem.badRequest("validation_failed", "avatar must be an http(s) URL")
                        .with("field", "avatar");
            }
            GroupRow updated = new GroupRow(
                    group.id(),
                    name,
                    avatar,
                    request.announcement() == null ? group.announcement() : request.announcement(),
                    group.ownerId(),
                    group.memberCount(),
                    group.memberLimit(),
                    request.allowMemberInvites() == null ? group.allowMemberInvites() : request.allowMemberInvites(),
                    request.mutedAll() == null ? group.mutedAll() : request.mutedAll(),
                    request.receiptsEnabled() == null ? group.receiptsEnabled() : request.receiptsEnabled(),
                    group.createdAt(),
                    group.dissolvedAt());
            groups.update(updated);
            String event = name.equals(group.name()) ? "group.updated" : "group.renamed";
            MsgFrame message = system.append(group.conversationId(), actor, event, Map.of("name", name));
            return change(groupId, message, List.of(), List.of());
        });
        announce(change);
        return groups.find(groupId).orElseThrow().toView();
    }

    List<Long> addMembers(long actor, long groupId, List<Long> userIds) {
        Set<Long> wanted = new LinkedHashSet<>(userIds);
        wanted.remove(actor);
        GroupRow current =
                groups.find(groupId).filter(g -> !g.dissolved()).orElseThrow(() -> GroupRules.notFound(groupId));
        MemberRow inviter = rules.requireMember(current, actor);
        if (!inviter.role().manages() && !current.allowMemberInvites()) {
            throw ApiProblem.forbidden("not_allowed", "only the owner and admins may add members to this group");
        }
        wanted.removeAll(groups.existingMembers(groupId, wanted));
        rules.requireFriendsOf(actor, wanted);
        Change change = transactions.execute(tx -> {
            GroupRow group = rules.lockActive(groupId, actor);
            MemberRow me = rules.requireMember(group, actor);
            if (!me.role().manages() && !group.allowMemberInvites()) {
                throw ApiProblem.forbidden("not_allowed", "only the owner and admins may add members to this group");
            }
            List<Long> fresh = new ArrayList<>(wanted);
            fresh.removeAll(groups.existingMembers(groupId, wanted));
            if (fresh.isEmpty()) {
                return change(groupId, null, List.of(), List.of());
            }
            if (group.memberCount() + fresh.size() > group.memberLimit()) {
                throw ApiProblem.conflict("member_limit", "the group would exceed its limit of " + group.memberLimit())
                        .with("memberLimit", group.memberLimit());
            }
            long now = System.currentTimeMillis();
            groups.addMembers(groupId, fresh, Role.MEMBER, now);
            MsgFrame joined = system.append(group.conversationId(), actor, "members.joined", Map.of("userIds", fresh));
            memberships.join(group.conversationId(), fresh, joined.seq() - 1, now);
            groups.update(withCount(group, group.memberCount() + fresh.size()));
            return change(groupId, joined, fresh, List.of());
        });
        announce(change);
        return change.joined();
    }

    /** A kick by an owner or admin, or leaving (removing yourself). */
    void removeMember(long actor, long groupId, long userId) {
        Change change = transactions.execute(tx -> {
            GroupRow group = rules.lockActive(groupId, actor);
            MemberRow me = rules.requireMember(group, actor);
            MemberRow target = groups.member(groupId, userId)
                    .orElseThrow(
                            () -> ApiProblem.notFound("member_not_found", "user " + userId + " is not in this group"));
            String event;
            if (actor == userId) {
                if (me.role() == Role.OWNER) {
                    throw ApiProblem.conflict("owner_cannot_leave", "transfer the group to another member first");
                }
                event = "member.left";
            } else {
                rules.requireOutranks(me, target);
                event = "member.kicked";
            }
            groups.removeMember(groupId, userId);
            MsgFrame message = system.append(group.conversationId(), actor, event, Map.of("userIds", List.of(userId)));
            memberships.leave(group.conversationId(), List.of(userId), message.seq());
            groups.update(withCount(group, group.memberCount() - 1));
            return change(groupId, message, List.of(), List.of(userId));
        });
        announce(change);
    }

    void setAdmin(long actor, long groupId, long userId, boolean admin) {
        roleChange(
                actor,
                groupId,
                userId,
                group -> {
                    MemberRow target = groups.member(groupId, userId)
                            .orElseThrow(() -> ApiProblem.notFound(
                                    "member_not_found", "user " + userId + " is not in this group"));
                    if (target.role() == Role.OWNER) {
                        throw ApiProblem.conflict("is_owner", "the owner's role changes only by transfer");
                    }
                    groups.setRole(groupId, userId, admin ? Role.ADMIN : Role.MEMBER);
                },
                admin ? "admin.added" : "admin.removed");
    }

    void transfer(long actor, long groupId, long userId) {
        roleChange(
                actor,
                groupId,
                userId,
                group -> {
                    groups.member(groupId, userId)
                            .orElseThrow(() -> ApiProblem.notFound(
                                    "member_not_found", "user " + userId + " is not in this group"));
                    groups.setRole(groupId, userId, Role.OWNER);
                    groups.setRole(groupId, actor, Role.ADMIN);
                    groups.update(withOwner(group, userId));
                },
                "owner.transferred");
    }

    void dissolve(long actor, long groupId) {
        Change change = transactions.execute(tx -> {
            GroupRow group = rules.lockActive(groupId, actor);
            rules.requireOwner(group, actor);
            List<Long> members = groups.memberIds(groupId);
            MsgFrame message = system.append(group.conversationId(), actor, "group.dissolved", Map.of());
            memberships.leave(group.conversationId(), members, message.seq());
            groups.removeAll(groupId);
            groups.update(new GroupRow(
                    group.id(),
                    group.name(),
                    group.avatar(),
                    group.announcement(),
                    group.ownerId(),
                    0,
                    group.memberLimit(),
                    group.allowMemberInvites(),
                    group.mutedAll(),
                    group.receiptsEnabled(),
                    group.createdAt(),
                    System.currentTimeMillis()));
            return change(groupId, message, List.of(), members);
        });
        announce(change);
    }

    /** Mutes a member until the time given (null: unmute); owners and admins over lower ranks. */
    void mute(long actor, long groupId, long userId, Integer minutes) {
        Change change = transactions.execute(tx -> {
            GroupRow group = rules.lockActive(groupId, actor);
            MemberRow me = rules.requireMember(group, actor);
            MemberRow target = groups.member(groupId, userId)
                    .orElseThrow(
                            () -> ApiProblem.notFound("member_not_found", "user " + userId + " is not in this group"));
            rules.requireOutranks(me, target);
            Long until = minutes == null ? null : System.currentTimeMillis() + minutes * 60_000L;
            groups.setMutedUntil(groupId, userId, until);
            MsgFrame message = system.append(
                    group.conversationId(),
                    actor,
                    until == null ? "member.unmuted" : "member.muted",
                    until == null
                            ? Map.of("userIds", List.of(userId))
                            : Map.of("userIds", List.of(userId), "until", until));
            return change(groupId, message, List.of(), List.of());
        });
        announce(change);
    }

    private void roleChange(long actor, long groupId, long userId, Consumer<GroupRow> apply, String event) {
        Change change = transactions.execute(tx -> {
            GroupRow group = rules.lockActive(groupId, actor);
            rules.requireOwner(group, actor);
            if (userId == actor) {
                throw ApiProblem.badRequest("validation_failed", "choose another member");
            }
            apply.accept(group);
            MsgFrame message = system.append(group.conversationId(), actor, event, Map.of("userIds", List.of(userId)));
            return change(groupId, message, List.of(), List.of());
        });
        announce(change);
    }

    /** After commit: the system message to the members of its moment who are online, leavers included. */
    private void announce(Change change) {
        if (change.message() == null) {
            return;
        }
        Set<Long> recipients = new HashSet<>(change.members());
        recipients.addAll(change.left()); // the ones who left still see the message saying so
        fanout.deliver(
                fanout.online(recipients),
                json.writeValueAsString(change.message()),
                change.message().from().userId(),
                null);
    }

    private static void requireName(String name) {
        if (!DisplayNames.isValid(name, GroupRow.NAME_MAX)) {
            throw ApiProblem.badRequest(
                            "validation_failed",
                            "name must be 1 to " + GroupRow.NAME_MAX
                                    + " characters without control, format (bidi, zero-width) or line-break characters")
                    .with("field", "name");
        }
    }

    private static GroupRow withCount(GroupRow g, int count) {
        return new GroupRow(
                g.id(),
                g.name(),
                g.avatar(),
                g.announcement(),
                g.ownerId(),
                count,
                g.memberLimit(),
                g.allowMemberInvites(),
                g.mutedAll(),
                g.receiptsEnabled(),
                g.createdAt(),
                g.dissolvedAt());
    }

    private static GroupRow withOwner(GroupRow g, long owner) {
        return new GroupRow(
                g.id(),
                g.name(),
                g.avatar(),
                g.announcement(),
                owner,
                g.memberCount(),
                g.memberLimit(),
                g.allowMemberInvites(),
                g.mutedAll(),
                g.receiptsEnabled(),
                g.createdAt(),
                g.dissolvedAt());
    }

    /**
     * What a committed change tells whom: {@code members} are read inside its transaction, with
     * the group locked, so the system message reaches exactly who was in the group at its seq.
     */
    private record Change(long groupId, MsgFrame message, List<Long> joined, List<Long> left, List<Long> members) {}

    /** Inside the transaction, after the change: captures the members as of its system message. */
    private Change change(long groupId, MsgFrame message, List<Long> joined, List<Long> left) {
        return new Change(groupId, message, joined, left, message == null ? List.of() : groups.memberIds(groupId));
    }
}
