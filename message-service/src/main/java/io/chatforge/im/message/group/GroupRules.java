package io.chatforge.im.message.group;

import io.chatforge.im.contracts.social.Relation;
import io.chatforge.im.contracts.user.DisplayNames;
import io.chatforge.im.message.permission.RelationChecker;
import io.chatforge.im.service.web.ApiProblem;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Who may do what to a group. Outsiders learn nothing: a group they are not in is "not found".
 * The static rules decide on rows alone; the others look the rows up.
 */
@Component
class GroupRules {
    private final GroupStore groups;
    private final RelationChecker relations;

    GroupRules(GroupStore groups, RelationChecker relations) {
        this.groups = groups;
        this.relations = relations;
    }

    /** The group, locked, if it exists, is not dissolved and the actor is in it. */
    GroupRow lockActive(long groupId, long actor) {
        GroupRow group = groups.lock(groupId).filter(g -> !g.dissolved()).orElseThrow(() -> notFound(groupId));
        requireMember(group, actor);
        return group;
    }

    MemberRow requireMember(GroupRow group, long userId) {
        return groups.member(group.id(), userId).orElseThrow(() -> notFound(group.id()));
    }

    /** A member other than the actor, who must be in the group. */
    MemberRow requireTarget(long groupId, long userId) {
        return groups.member(groupId, userId)
                .orElseThrow(() -> ApiProblem.notFound("member_not_found", "user " + userId + " is not in this group"));
    }

    void requireManager(GroupRow group, long actor) {
        if (!requireMember(group, actor).role().manages()) {
            throw ApiProblem.forbidden("not_allowed", "only the owner and admins may do this");
        }
    }

    void requireOwner(GroupRow group, long actor) {
        if (requireMember(group, actor).role() != Role.OWNER) {
            throw ApiProblem.forbidden("not_allowed", "only the owner may do this");
        }
    }

    /** Only people the actor may talk to (friends, no block either way) can be brought into a group. */
    void requireFriendsOf(long actor, Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return;
        }
        List<RelationChecker.Pair> pairs =
                userIds.stream().map(u -> new RelationChecker.Pair(actor, u)).toList();
        Map<RelationChecker.Pair, Relation> answers = relations.check(pairs);
        if (answers.size() < pairs.size()) {
            throw ApiProblem.unavailable(
                    "friends_unavailable", "cannot check your friends right now; retry", Duration.ofSeconds(2));
        }
        List<Long> strangers = pairs.stream()
                .filter(p -> !answers.get(p).mayTalk())
                .map(RelationChecker.Pair::b)
                .toList();
        if (!strangers.isEmpty()) {
            throw ApiProblem.forbidden("not_friends", "you can only add your friends")
                    .with("userIds", strangers);
        }
    }

    static void requireOutranks(MemberRow actor, MemberRow target) {
        if (!actor.role().outranks(target.role())) {
            throw ApiProblem.forbidden("not_allowed", "you cannot do this to a member of your rank or higher");
        }
    }

    /** Owners and admins add members; plain members only when the group allows invites. */
    static void requireMayInvite(MemberRow inviter, GroupRow group) {
        if (!inviter.role().manages() && !group.allowMemberInvites()) {
            throw ApiProblem.forbidden("not_allowed", "only the owner and admins may add members to this group");
        }
    }

    static void requireRoomFor(GroupRow group, int adding) {
        if (group.memberCount() + adding > group.memberLimit()) {
            throw ApiProblem.conflict("member_limit", "the group would exceed its limit of " + group.memberLimit())
                    .with("memberLimit", group.memberLimit());
        }
    }

    /**
     * The event of removing {@code target}: leaving when it is the actor (not for the owner, who
     * transfers first), a kick when the actor outranks the target.
     */
    static String removal(MemberRow actor, MemberRow target) {
        if (actor.userId() == target.userId()) {
            if (actor.role() == Role.OWNER) {
                throw ApiProblem.conflict("owner_cannot_leave", "transfer the group to another member first");
            }
            return "member.left";
        }
        requireOutranks(actor, target);
        return "member.kicked";
    }

    static void requireName(String name) {
        if (!DisplayNames.isValid(name, GroupRow.NAME_MAX)) {
            throw ApiProblem.badRequest(
                            "validation_failed",
                            "name must be 1 to " + GroupRow.NAME_MAX
                                    + " characters without control, format (bidi, zero-width) or line-break characters")
                    .with("field", "name");
        }
    }

    /** The group with an update's fields applied (absent ones stay; an empty avatar removes it). */
    static GroupRow updated(GroupRow group, GroupRequests.Update request) {
        if (request.name() != null) {
            requireName(request.name());
        }
        String avatar =
                request.avatar() == null ? group.avatar() : (request.avatar().isBlank() ? null : request.avatar());
        if (avatar != null && !avatar.matches("(?i)https?://\\S+")) {
            throw ApiProblem.badRequest("validation_failed", "avatar must be an http(s) URL")
                    .with("field", "avatar");
        }
        return new GroupRow(
                group.id(),
                request.name() == null ? group.name() : request.name().strip(),
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
    }

    static ApiProblem notFound(long groupId) {
        return ApiProblem.notFound("group_not_found", "no group " + groupId + " of yours");
    }
}
