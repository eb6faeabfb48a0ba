package io.chatforge.im.message.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.chatforge.im.service.web.ApiProblem;
import org.junit.jupiter.api.Test;

/** Group rules and roles, decided on rows alone. */
class GroupRulesTest {
    private static final long GROUP = 9;

    private static GroupRow group(int members, int limit, boolean invites) {
        return new GroupRow(GROUP, "Team", null, null, 1, members, limit, invites, false, true, 0, null);
    }

    private static MemberRow member(long userId, Role role) {
        return new MemberRow(GROUP, userId, role, null, 0);
    }

    private static String code(Runnable rule) {
        ApiProblem problem = catchThrowableOfType(ApiProblem.class, rule::run);
        return problem == null ? null : problem.code();
    }

    @Test
    void ownersOutrankEveryoneElse_adminsOnlyPlainMembers_membersNobody() {
        assertThat(Role.OWNER.outranks(Role.ADMIN)).isTrue();
        assertThat(Role.OWNER.outranks(Role.OWNER)).isFalse();
        assertThat(Role.ADMIN.outranks(Role.MEMBER)).isTrue();
        assertThat(Role.ADMIN.outranks(Role.ADMIN)).isFalse();
        assertThat(Role.MEMBER.outranks(Role.MEMBER)).isFalse();
        assertThat(Role.ADMIN.manages()).isTrue();
        assertThat(Role.MEMBER.manages()).isFalse();
    }

    @Test
    void plainMembersInvite_onlyWhenTheGroupAllowsIt() {
        assertThat(code(() -> GroupRules.requireMayInvite(member(5, Role.MEMBER), group(3, 10, false))))
                .isEqualTo("not_allowed");
        assertThatCode(() -> GroupRules.requireMayInvite(member(5, Role.MEMBER), group(3, 10, true)))
                .doesNotThrowAnyException();
        assertThatCode(() -> GroupRules.requireMayInvite(member(5, Role.ADMIN), group(3, 10, false)))
                .doesNotThrowAnyException();
    }

    @Test
    void addingPastTheMemberLimit_isAConflict() {
        assertThatCode(() -> GroupRules.requireRoomFor(group(8, 10, true), 2)).doesNotThrowAnyException();
        assertThat(code(() -> GroupRules.requireRoomFor(group(8, 10, true), 3))).isEqualTo("member_limit");
    }

    @Test
    void removingYourself_isLeaving_exceptForTheOwner_whoTransfersFirst() {
        assertThat(GroupRules.removal(member(5, Role.MEMBER), member(5, Role.MEMBER)))
                .isEqualTo("member.left");
        assertThat(code(() -> GroupRules.removal(member(1, Role.OWNER), member(1, Role.OWNER))))
                .isEqualTo("owner_cannot_leave");
    }

    @Test
    void removingSomeoneElse_isAKick_ofALowerRankOnly() {
        assertThat(GroupRules.removal(member(2, Role.ADMIN), member(5, Role.MEMBER)))
                .isEqualTo("member.kicked");
        assertThat(code(() -> GroupRules.removal(member(2, Role.ADMIN), member(3, Role.ADMIN))))
                .isEqualTo("not_allowed");
        assertThat(code(() -> GroupRules.removal(member(5, Role.MEMBER), member(6, Role.MEMBER))))
                .isEqualTo("not_allowed");
    }

    @Test
    void anUpdate_changesOnlyWhatItNames_andAnEmptyAvatarRemovesIt() {
        GroupRow withAvatar =
                new GroupRow(GROUP, "Team", "https://a/x.png", "hi", 1, 3, 10, false, false, true, 0, null);

        GroupRow updated =
                GroupRules.updated(withAvatar, new GroupRequests.Update(" Renamed ", "", null, null, true, null));

        assertThat(updated.name()).isEqualTo("Renamed");
        assertThat(updated.avatar()).isNull();
        assertThat(updated.announcement()).isEqualTo("hi");
        assertThat(updated.mutedAll()).isTrue();
        assertThat(updated.receiptsEnabled()).isTrue();
    }

    @Test
    void anAvatarThatIsNoWebAddress_orANameWithControlCharacters_isRefused() {
        assertThat(code(() -> GroupRules.updated(
                        group(3, 10, false),
                        new GroupRequests.Update(null, "javascript:alert(1)", null, null, null, null))))
                .isEqualTo("validation_failed");
        assertThat(code(() -> GroupRules.requireName("bad\u202Ename"))).isEqualTo("validation_failed");
        assertThat(code(() -> GroupRules.requireName("x".repeat(GroupRow.NAME_MAX + 1))))
                .isEqualTo("validation_failed");
    }
}
