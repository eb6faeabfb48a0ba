package io.chatforge.im.friend.relation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatforge.im.contracts.social.Relation;
import org.junit.jupiter.api.Test;

/** How two users stand, whichever way round they are asked about. */
class RelationRulesTest {

    @Test
    void aPairIsTheSame_whicheverUserComesFirst_andNeedsTwoUsers() {
        assertThat(UserPair.of(9, 4)).isEqualTo(UserPair.of(4, 9)).isEqualTo(new UserPair(4, 9));
        assertThatThrownBy(() -> UserPair.of(5, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBlock_isReportedOnTheSideOfWhoeverBlocked_howeverThePairIsAsked() {
        var stored = new VersionedRelation(UserPair.of(4, 9), 3, false, false, true); // 9 blocks 4

        Relation asked49 = stored.as(4, 9);
        Relation asked94 = stored.as(9, 4);

        assertThat(asked49.blockedByA()).isFalse();
        assertThat(asked49.blockedByB()).isTrue();
        assertThat(asked94.blockedByA()).isTrue();
        assertThat(asked94.blockedByB()).isFalse();
        assertThat(asked49.mayTalk()).isFalse();
        assertThat(asked94.mayTalk()).isFalse();
    }

    @Test
    void friendsWithNoBlock_mayTalk_aFriendshipWithABlock_mayNot() {
        assertThat(new VersionedRelation(UserPair.of(1, 2), 1, true, false, false)
                        .as(1, 2)
                        .mayTalk())
                .isTrue();
        assertThat(new VersionedRelation(UserPair.of(1, 2), 1, true, true, false)
                        .as(2, 1)
                        .mayTalk())
                .isFalse();
    }

    @Test
    void theCachedForm_keepsVersionAndFlags() {
        var relation = new VersionedRelation(UserPair.of(1, 2), 42, true, false, true);

        assertThat(relation.encode()).isEqualTo("42:101");
        assertThat(VersionedRelation.decode(UserPair.of(1, 2), relation.encode()))
                .isEqualTo(relation);
    }
}
