package io.chatforge.im.message.push;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.chatforge.im.contracts.messaging.OfflineEvent;
import io.chatforge.im.contracts.messaging.PresenceKeys.Route;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who gets a frame, and how many lookups a batch costs. Users 1 and 2 are online, 3 and 4 not. */
class PushTest {
    private static final Map<String, Route> PHONE = Map.of("phone", new Route("node-a", 4, Long.MAX_VALUE));

    private final OnlineFlags flags = mock(OnlineFlags.class);
    private final RouteLookup routes = mock(RouteLookup.class);
    private final DeliveryPublisher deliveries = mock(DeliveryPublisher.class);
    private final OfflinePublisher offline = mock(OfflinePublisher.class);
    private final Push push = new Push(flags, routes, deliveries, offline);
    /** users with a device registered for push notifications */
    private Set<Long> pushRegistered = Set.of();

    PushTest() {
        when(flags.online(anyCollection())).thenAnswer(call -> {
            Set<Long> online = new java.util.HashSet<>(call.<java.util.Collection<Long>>getArgument(0));
            online.retainAll(Set.of(1L, 2L));
            return online;
        });
        when(routes.recipients(anyCollection(), anyCollection())).thenAnswer(call -> {
            Map<Long, Map<String, Route>> live = new java.util.HashMap<>();
            for (Long user : call.<java.util.Collection<Long>>getArgument(0)) {
                if (user == 1 || user == 2) {
                    live.put(user, PHONE);
                }
            }
            Set<Long> registered = new java.util.HashSet<>(call.<java.util.Collection<Long>>getArgument(1));
            registered.retainAll(pushRegistered);
            return new Recipients(live, registered);
        });
    }

    private static OfflineEvent offlineFor(long user) {
        return new OfflineEvent(OfflineEvent.VERSION, user, "d_1_" + user, "9", 1, 1, 0);
    }

    @Test
    void aDirectMessage_reachesTheReceiversDevices_andTheSendersOtherDevices() {
        push.deliver(Delivery.direct("msg", 2, 1, "phone", offlineFor(2)));

        verify(deliveries).toUser(eq(2L), eq(PHONE), isNull(), eq("msg"));
        verify(deliveries).toUser(eq(1L), eq(PHONE), eq("phone"), eq("msg"));
        verify(offline, never()).publish(any());
    }

    @Test
    void aReceiverWithNoDeviceOnline_getsAnOfflineEvent_insteadOfADelivery() {
        push.deliver(Delivery.direct("msg", 3, 1, "phone", offlineFor(3)));

        verify(deliveries, never()).toUser(eq(3L), any(), any(), anyString());
        verify(offline).publish(List.of(offlineFor(3)));
    }

    @Test
    void aGroupMessage_goesToTheMembersOnline_notBackToTheSendersDevice() {
        push.deliver(Delivery.toMembers("msg", List.of(1L, 2L, 3L, 4L), 1, "phone"));

        verify(deliveries).toUser(eq(2L), eq(PHONE), isNull(), eq("msg"));
        verify(deliveries).toUser(eq(1L), eq(PHONE), eq("phone"), eq("msg"));
        verify(deliveries, times(2)).toUser(anyLong(), any(), any(), anyString());
        verify(offline, never()).publish(any());
    }

    @Test
    void aWholeBatch_costsOneFlagReadAndOneRouteLookup() {
        push.deliver(List.of(
                Delivery.direct("a", 2, 1, "phone", null),
                Delivery.toMembers("b", List.of(1L, 2L, 3L), 2, "web"),
                Delivery.toUsers("c", List.of(4L))));

        verify(flags, times(1)).online(anyCollection());
        verify(routes, times(1)).recipients(anyCollection(), anyCollection());
    }

    @Test
    void anEmptyBatch_looksNothingUp() {
        push.deliver(List.of());

        verify(routes, never()).recipients(anyCollection(), anyCollection());
    }

    @Test
    void aGroupMessage_tellsPushServiceOfTheMembersWithRegistrations_offlineOnesForAllTheirDevices() {
        pushRegistered = Set.of(2L, 3L);
        when(routes.pushDevices(anyCollection()))
                .thenReturn(Map.of(2L, new PushTargets.Devices(Set.of("phone", "tablet"), Set.of())));
        var template = new OfflineEvent(OfflineEvent.VERSION, 0, "g_7", "9", 1, 1, 0);

        push.deliver(Delivery.toMembers(
                "msg",
                List.of(1L, 2L, 3L, 4L),
                1,
                "phone",
                template,
                io.chatforge.im.contracts.frame.Mentions.of(List.of(3L))));

        // 3 is offline: all its devices; 2 is online on its phone: its tablet; 4 has no registration; 1 sent it
        verify(offline)
                .publish(List.of(
                        template.forUser(3).withMentioned(true),
                        template.forUser(2).withDeviceIds(List.of("tablet"))));
    }

    @Test
    void aConnectedReceiverWithoutPushRegistrations_costsNoSecondLookup() {
        push.deliver(Delivery.direct("msg", 2, 1, "phone", offlineFor(2)));

        verify(routes, never()).pushDevices(anyCollection());
        verify(offline, never()).publish(any());
    }
}
