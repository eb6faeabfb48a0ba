package io.chatforge.im.message.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.chatforge.im.contracts.frame.ErrorCodes;
import io.chatforge.im.contracts.frame.ErrorFrame;
import io.chatforge.im.contracts.frame.MessageBody;
import io.chatforge.im.contracts.frame.Target;
import io.chatforge.im.contracts.messaging.InboundRecord;
import io.chatforge.im.contracts.social.Relation;
import io.chatforge.im.message.group.GroupGate;
import io.chatforge.im.message.permission.RelationChecker;
import io.chatforge.im.message.permission.RelationChecker.Pair;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who may write to whom. */
class SendGateTest {
    private final RelationChecker relations = mock(RelationChecker.class);
    private final GroupGate groups = mock(GroupGate.class);
    private final SendGate gate = new SendGate(relations, groups);

    private static InboundRecord.Send send(long from, Target to, String clientMsgId) {
        return new InboundRecord.Send(1, from, "phone", 0, "c", 0, clientMsgId, to, MessageBody.text("hi"));
    }

    @Test
    void friendsWithNoBlock_mayWrite_aBlockEitherWay_orNoFriendship_refuses() {
        assertThat(SendGate.direct(new Relation(1, 2, true, false, false), "m")).isNull();
        assertThat(SendGate.direct(new Relation(1, 2, true, true, false), "m").code())
                .isEqualTo(ErrorCodes.BLOCKED);
        assertThat(SendGate.direct(new Relation(1, 2, true, false, true), "m").code())
                .isEqualTo(ErrorCodes.BLOCKED);
        assertThat(SendGate.direct(new Relation(1, 2, false, false, false), "m").code())
                .isEqualTo(ErrorCodes.NOT_FRIENDS);
    }

    @Test
    void aRelationThatCouldNotBeChecked_refusesTheSend_asRetryable_neverLetsItThrough() {
        ErrorFrame refusal = SendGate.direct(null, "m1");
        assertThat(refusal.code()).isEqualTo(ErrorCodes.UNAVAILABLE);
        assertThat(refusal.ref()).isEqualTo("m1");
    }

    @Test
    void mutedAndNonMembers_ofAGroup_areToldWhich() {
        assertThat(SendGate.inGroup(null, "m")).isNull();
        assertThat(SendGate.inGroup(ErrorCodes.MUTED, "m").message()).contains("muted");
        assertThat(SendGate.inGroup(ErrorCodes.NOT_A_MEMBER, "m").code()).isEqualTo(ErrorCodes.NOT_A_MEMBER);
    }

    @Test
    void aBatch_isDecidedInOrder_withOneRelationCheck_andOneGroupCheck() {
        when(relations.check(any())).thenReturn(Map.of(new Pair(1, 2), new Relation(1, 2, true, false, false)));
        when(groups.check(any()))
                .thenReturn(Map.of(
                        new GroupGate.Writer(7, 1), new GroupGate.Verdict(ErrorCodes.MUTED, false),
                        new GroupGate.Writer(8, 1), new GroupGate.Verdict(null, true)));

        List<SendGate.Verdict> decisions = gate.decide(List.of(
                send(1, Target.user(2), "a"),
                send(1, new Target(null, 7L), "b"),
                send(1, Target.user(3), "c"),
                send(1, new Target(null, 8L), "d"),
                send(1, new Target(null, 9L), "e")));

        assertThat(decisions.get(0).refusal()).isNull();
        assertThat(decisions.get(1).refusal().code()).isEqualTo(ErrorCodes.MUTED);
        assertThat(decisions.get(2).refusal().code()).isEqualTo(ErrorCodes.UNAVAILABLE); // no answer for (1, 3)
        assertThat(decisions.get(3).refusal()).isNull();
        assertThat(decisions.get(3).senderManages()).as("an admin of group 8").isTrue();
        assertThat(decisions.get(4).refusal().code()).isEqualTo(ErrorCodes.NOT_A_MEMBER);
        verify(relations).check(any());
    }

    @Test
    void aBatchOfGroupSendsOnly_asksFriendServiceNothing() {
        when(groups.check(any())).thenReturn(Map.of());

        gate.decide(List.of(send(1, new Target(null, 7L), "b")));

        verify(relations, never()).check(any());
    }
}
