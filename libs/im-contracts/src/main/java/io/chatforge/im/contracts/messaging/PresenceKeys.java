package io.chatforge.im.contracts.messaging;

/**
 * Redis keys the connectors maintain for everyone to read: where a user's devices are connected
 * (a hash device -> {@code node|slot|expiresAtMillis}) and whether the user is online. Entries
 * expire unless the connector holding the device refreshes them, so a dead pod's routes vanish.
 */
public final class PresenceKeys {
    private PresenceKeys() {}

    /** The braces make both keys of a user land in the same Redis Cluster slot. */
    public static String routes(long userId) {
        return "im:route:{" + userId + "}";
    }

    public static String online(long userId) {
        return "im:online:{" + userId + "}";
    }

    /** The user's connected devices whose app said it is in the background (a hash device -> "1"). */
    public static String background(long userId) {
        return "im:bg:{" + userId + "}";
    }

    /** Users with any device registered for push notifications (a set, kept by push-service). */
    public static String pushUsers() {
        return "im:push:users";
    }

    /** The user's devices registered for push notifications (a set of device ids, kept by push-service). */
    public static String pushDevices(long userId) {
        return "im:push:devices:{" + userId + "}";
    }

    /** A route entry: {@code node|slot|expiresAtMillis}. */
    public record Route(String node, int slot, long expiresAtMillis) {

        public String encode() {
            return node + "|" + slot + "|" + expiresAtMillis;
        }

        public static Route decode(String value) {
            int a = value.indexOf('|');
            int b = value.indexOf('|', a + 1);
            return new Route(
                    value.substring(0, a),
                    Integer.parseInt(value.substring(a + 1, b)),
                    Long.parseLong(value.substring(b + 1)));
        }

        public boolean isLive(long nowMillis) {
            return expiresAtMillis > nowMillis;
        }
    }
}
