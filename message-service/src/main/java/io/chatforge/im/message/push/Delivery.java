package io.chatforge.im.message.push;

import io.chatforge.im.contracts.frame.Mentions;
import io.chatforge.im.contracts.messaging.OfflineEvent;
import java.util.Collection;
import java.util.Set;

/**
 * One frame for some users' online devices, and for the sender's other devices (the sending
 * device already knows). {@code byFlags}: the audience is a group's members, of whom the online
 * ones are found by their flags before their routes are looked up. {@code whenOffline}: told to
 * {@code im.offline} when the (single) receiver has no device online; for a group, the event each
 * member with push registrations gets ({@code mentions}: whom the message mentions).
 */
public record Delivery(
        String frame,
        Collection<Long> receivers,
        boolean byFlags,
        Long senderId,
        String senderDevice,
        OfflineEvent whenOffline,
        Mentions mentions) {

    /** A direct message: to the receiver's devices, or an offline event; and the sender's others. */
    public static Delivery direct(String frame, long receiver, long sender, String senderDevice, OfflineEvent offline) {
        return new Delivery(frame, Set.of(receiver), false, sender, senderDevice, offline, null);
    }

    /** To these group members that are online, and the sender's other devices. */
    public static Delivery toMembers(String frame, Collection<Long> members, long sender, String senderDevice) {
        return new Delivery(frame, members, true, sender, senderDevice, null, null);
    }

    /** A group message: as {@link #toMembers}, and each member with push registrations told of it. */
    public static Delivery toMembers(
            String frame,
            Collection<Long> members,
            long sender,
            String senderDevice,
            OfflineEvent offline,
            Mentions mentions) {
        return new Delivery(frame, members, true, sender, senderDevice, offline, mentions);
    }

    /** Whether this message mentions the user (or everyone). */
    boolean mentions(long userId) {
        return mentions != null && (mentions.all() || mentions.userIds().contains(userId));
    }

    /** An event for these users' online devices; nobody sent it. */
    public static Delivery toUsers(String frame, Collection<Long> users) {
        return new Delivery(frame, users, false, null, null, null, null);
    }
}
