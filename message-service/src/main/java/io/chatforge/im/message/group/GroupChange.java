package io.chatforge.im.message.group;

import io.chatforge.im.contracts.frame.MsgFrame;
import java.util.List;

/**
 * What a change to a group recorded: the system message it appended (null: nothing changed), who
 * joined and who left by it. The members who hear of it are read in the same transaction.
 */
record GroupChange(long groupId, MsgFrame message, List<Long> joined, List<Long> left) {

    static GroupChange none(long groupId) {
        return new GroupChange(groupId, null, List.of(), List.of());
    }

    static GroupChange of(long groupId, MsgFrame message) {
        return new GroupChange(groupId, message, List.of(), List.of());
    }
}
