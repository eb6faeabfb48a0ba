package io.chatforge.im.friend.relation;

import io.chatforge.im.contracts.social.Relation;

/** A pair's relation as of a version, oriented low/high as stored. */
record VersionedRelation(UserPair pair, long version, boolean friends, boolean blockedByLow, boolean blockedByHigh) {

    /** The answer for the pair as asked: {@code a} first. */
    Relation as(long a, long b) {
        boolean aIsLow = a == pair.low();
        return new Relation(
                a, b, friends, aIsLow ? blockedByLow : blockedByHigh, aIsLow ? blockedByHigh : blockedByLow, version);
    }

    String encode() {
        return version + ":" + bit(friends) + bit(blockedByLow) + bit(blockedByHigh);
    }

    static VersionedRelation decode(UserPair pair, String value) {
        int colon = value.indexOf(':');
        String flags = value.substring(colon + 1);
        return new VersionedRelation(
                pair,
                Long.parseLong(value.substring(0, colon)),
                flags.charAt(0) == '1',
                flags.charAt(1) == '1',
                flags.charAt(2) == '1');
    }

    private static char bit(boolean b) {
        return b ? '1' : '0';
    }
}
