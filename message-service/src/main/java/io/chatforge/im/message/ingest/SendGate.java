package io.chatforge.im.message.ingest;

import io.chatforge.im.contracts.frame.ErrorCodes;
import io.chatforge.im.contracts.frame.ErrorFrame;
import io.chatforge.im.contracts.messaging.InboundRecord.Send;
import io.chatforge.im.contracts.social.Relation;
import io.chatforge.im.message.group.GroupGate;
import io.chatforge.im.message.permission.RelationChecker;
import io.chatforge.im.message.permission.RelationChecker.Pair;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who may write where, for a whole batch: direct messages only between friends with no block
 * either way (one relation check), group messages only from members who are not muted (one
 * query). When the relations cannot be checked the send is refused as retryable, never let through.
 */
@Component
class SendGate {
    private final RelationChecker relations;
    private final GroupGate groups;

    SendGate(RelationChecker relations, GroupGate groups) {
        this.relations = relations;
        this.groups = groups;
    }

    /** For each send, in order: its refusal (null when allowed) and whether its sender manages the group. */
    List<Verdict> decide(List<Send> sends) {
        Set<Pair> pairs = new HashSet<>();
        Set<GroupGate.Writer> writers = new HashSet<>();
        for (Send send : sends) {
            if (send.to().groupId() == null) {
                pairs.add(pair(send));
            } else {
                writers.add(writer(send));
            }
        }
        Map<Pair, Relation> answers = pairs.isEmpty() ? Map.of() : relations.check(pairs);
        Map<GroupGate.Writer, GroupGate.Verdict> verdicts = groups.check(writers);
        List<Verdict> decisions = new ArrayList<>(sends.size());
        for (Send send : sends) {
            if (send.to().groupId() == null) {
                decisions.add(new Verdict(direct(answers.get(pair(send)), send.clientMsgId()), false));
            } else {
                GroupGate.Verdict verdict = verdicts.get(writer(send));
                decisions.add(
                        verdict == null
                                ? new Verdict(inGroup(ErrorCodes.NOT_A_MEMBER, send.clientMsgId()), false)
                                : new Verdict(inGroup(verdict.refusal(), send.clientMsgId()), verdict.manages()));
            }
        }
        return decisions;
    }

    /** One send's fate at the gate: refused (with the error to answer) or let through. */
    record Verdict(ErrorFrame refusal, boolean senderManages) {}

    /** A direct message: null when the two may talk. An unknown relation is refused, retryable. */
    static ErrorFrame direct(Relation relation, String clientMsgId) {
        if (relation == null) {
            return new ErrorFrame(
                    ErrorCodes.UNAVAILABLE, "cannot check this conversation right now; retry", clientMsgId);
        }
        if (relation.blockedByA() || relation.blockedByB()) {
            return new ErrorFrame(ErrorCodes.BLOCKED, "you cannot message this user", clientMsgId);
        }
        if (!relation.friends()) {
            return new ErrorFrame(ErrorCodes.NOT_FRIENDS, "you can only message your friends", clientMsgId);
        }
        return null;
    }

    /** A group message: null when the gate let the writer through, else its refusal. */
    static ErrorFrame inGroup(String code, String clientMsgId) {
        if (code == null) {
            return null;
        }
        String message =
                ErrorCodes.MUTED.equals(code) ? "you are muted in this group" : "you are not a member of this group";
        return new ErrorFrame(code, message, clientMsgId);
    }

    private static Pair pair(Send send) {
        return new Pair(send.senderId(), send.to().userId());
    }

    private static GroupGate.Writer writer(Send send) {
        return new GroupGate.Writer(send.to().groupId(), send.senderId());
    }
}
