package io.chatforge.im.message.group;

import io.chatforge.im.contracts.social.Relation;
import io.chatforge.im.message.permission.RelationChecker;
import io.chatforge.im.service.web.ApiProblem;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Who may do what to a group. Outsiders learn nothing: a group they are not in is "not found". */
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

    void requireOutranks(MemberRow actor, MemberRow target) {
        if (!actor.role().outranks(target.role())) {
            throw ApiProblem.forbidden("not_allowed", "you cannot do this to a member of your rank or higher");
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

    static ApiProblem notFound(long groupId) {
        return ApiProblem.notFound("group_not_found", "no group " + groupId + " of yours");
    }
}
