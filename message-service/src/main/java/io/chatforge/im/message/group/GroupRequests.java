package io.chatforge.im.message.group;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Request bodies of the group API. */
final class GroupRequests {
    private GroupRequests() {}

    record Create(
            @NotNull @Size(max = 256) String name, // 64 code points: GroupCommands.requireName
            @NotNull @Size(max = 2000) List<@NotNull @Positive Long> memberIds,
            Boolean allowMemberInvites) {}

    /** Absent fields stay as they are; {@code avatar: ""} removes the avatar. */
    record Update(
            @Size(max = 256) String name,
            @Size(max = 512) String avatar,
            @Size(max = 1000) String announcement,
            Boolean allowMemberInvites,
            Boolean mutedAll,
            Boolean receiptsEnabled) {}

    record AddMembers(@NotEmpty @Size(max = 500) List<@NotNull @Positive Long> userIds) {}

    record Transfer(@NotNull @Positive Long userId) {}

    /** Mute for this many minutes (at most 30 days). */
    record Mute(@NotNull @Positive @Max(43_200) Integer minutes) {}
}
