package io.chatforge.im.message.group;

/** What a member may do: the owner everything, admins manage members, members write. */
enum Role {
    OWNER,
    ADMIN,
    MEMBER;

    boolean manages() {
        return this != MEMBER;
    }

    /** Owners act on anyone; admins only on plain members. */
    boolean outranks(Role other) {
        return this == OWNER ? other != OWNER : this == ADMIN && other == MEMBER;
    }

    String label() {
        return name().toLowerCase();
    }
}
