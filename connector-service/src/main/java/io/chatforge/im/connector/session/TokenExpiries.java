package io.chatforge.im.connector.session;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

/**
 * When to look at which device's connection, in the order access tokens expire, so the check
 * every second touches only the devices due instead of every connection (10,000 idle connections
 * made that scan a twentieth of the connector's CPU). An entry names the device, not the session:
 * it holds no closed connection in memory, and when it comes due the device's current connection
 * is checked against its own token, so a renewal or a reconnect simply leaves a stale entry that
 * finds nothing to close.
 */
final class TokenExpiries {
    private record Due(long atMillis, long order, long userId, String deviceId) {}

    private final ConcurrentSkipListSet<Due> byTime =
            new ConcurrentSkipListSet<>(Comparator.comparingLong(Due::atMillis).thenComparingLong(Due::order));
    private final AtomicLong order = new AtomicLong();

    void track(ClientSession session) {
        byTime.add(
                new Due(session.tokenExpiresAtMillis(), order.incrementAndGet(), session.userId(), session.deviceId()));
    }

    /**
     * The open connections whose token has expired by {@code nowMillis}, each once, found among the
     * devices due through {@code current} (user, device -> the device's connection here, or null).
     */
    List<ClientSession> expired(long nowMillis, BiFunction<Long, String, ClientSession> current) {
        Set<ClientSession> expired = new LinkedHashSet<>();
        for (Due due = byTime.pollFirst(); due != null; due = byTime.pollFirst()) {
            if (due.atMillis() > nowMillis) {
                byTime.add(due); // not due yet: neither is anything after it
                break;
            }
            ClientSession session = current.apply(due.userId(), due.deviceId());
            if (session != null && !session.isClosed() && session.tokenExpired(nowMillis)) {
                expired.add(session);
            }
        }
        return new ArrayList<>(expired);
    }

    int size() {
        return byTime.size();
    }
}
