package io.chatforge.im.message.push;

import io.chatforge.im.contracts.messaging.OfflineEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The one way frames reach devices: look up where the recipients of a whole batch are connected
 * (one flag read for group audiences, one pipelined route lookup for everyone), then produce one
 * {@code im.deliver} record per user and connector slot. Users with no live device get nothing;
 * a direct receiver among them gets an {@code im.offline} event; their messages wait for sync. A
 * direct receiver who is connected gets one too when some of their push-registered devices are
 * not connected or in the background (naming those devices).
 */
@Component
public class Push {
    private final OnlineFlags flags;
    private final RouteLookup routes;
    private final DeliveryPublisher deliveries;
    private final OfflinePublisher offline;

    Push(OnlineFlags flags, RouteLookup routes, DeliveryPublisher deliveries, OfflinePublisher offline) {
        this.flags = flags;
        this.routes = routes;
        this.deliveries = deliveries;
        this.offline = offline;
    }

    /** To one device on the slot it is known to be on: a sender's {@code sent} or {@code error}. */
    public void toDevice(int slot, long userId, String deviceId, String frame) {
        deliveries.toDevice(slot, userId, deviceId, frame);
    }

    public void deliver(Delivery delivery) {
        deliver(List.of(delivery));
    }

    public void deliver(List<Delivery> batch) {
        if (batch.isEmpty()) {
            return;
        }
        Set<Long> flagged = online(batch);
        List<Collection<Long>> audiences = new ArrayList<>(batch.size());
        Set<Long> users = new HashSet<>();
        for (Delivery delivery : batch) {
            Collection<Long> audience = delivery.byFlags()
                    ? delivery.receivers().stream().filter(flagged::contains).toList()
                    : delivery.receivers();
            audiences.add(audience);
            users.addAll(audience);
            if (delivery.senderId() != null) {
                users.add(delivery.senderId());
            }
        }
        Recipients recipients = routes.recipients(users, pushCandidates(batch));
        List<OfflineEvent> unreached = new ArrayList<>();
        List<OfflineEvent> connected = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            send(batch.get(i), audiences.get(i), recipients, unreached, connected);
        }
        groupPushes(batch, recipients, unreached, connected);
        unreached.addAll(partlyUnreached(connected, recipients));
        if (!unreached.isEmpty()) {
            offline.publish(unreached);
        }
    }

    /** Receivers whose push registrations matter: direct receivers and group members a message tells. */
    private static Set<Long> pushCandidates(List<Delivery> batch) {
        Set<Long> candidates = new HashSet<>();
        for (Delivery delivery : batch) {
            if (delivery.whenOffline() != null) {
                delivery.receivers().stream()
                        .filter(u -> !u.equals(delivery.senderId()))
                        .forEach(candidates::add);
            }
        }
        return candidates;
    }

    private Set<Long> online(List<Delivery> batch) {
        Set<Long> members = new HashSet<>();
        batch.stream().filter(Delivery::byFlags).forEach(d -> members.addAll(d.receivers()));
        return flags.online(members);
    }

    /**
     * Group messages: each member (not the sender) with push registrations gets the message's event,
     * for all their devices when none is connected, else for those not connected or in the
     * background (registrations come with the batch's route lookup).
     */
    private static void groupPushes(
            List<Delivery> batch, Recipients recipients, List<OfflineEvent> unreached, List<OfflineEvent> connected) {
        for (Delivery delivery : batch) {
            if (!delivery.byFlags() || delivery.whenOffline() == null) {
                continue;
            }
            for (long member : delivery.receivers()) {
                if (member == delivery.senderId() || !recipients.hasPushDevices(member)) {
                    continue;
                }
                OfflineEvent event = delivery.whenOffline().forUser(member).withMentioned(delivery.mentions(member));
                (recipients.isOnline(member) ? connected : unreached).add(event);
            }
        }
    }

    /**
     * Events of connected receivers with push registrations, for their devices that still get a push
     * (a second lookup, only when such receivers are in the batch).
     */
    private List<OfflineEvent> partlyUnreached(List<OfflineEvent> connected, Recipients recipients) {
        if (connected.isEmpty()) {
            return List.of();
        }
        Set<Long> users = new HashSet<>();
        connected.forEach(e -> users.add(e.userId()));
        var devices = routes.pushDevices(users);
        List<OfflineEvent> out = new ArrayList<>();
        for (OfflineEvent event : connected) {
            var known = devices.get(event.userId());
            if (known == null || known.registered().isEmpty()) {
                continue;
            }
            List<String> targets =
                    PushTargets.of(known, recipients.of(event.userId()).keySet());
            if (!targets.isEmpty()) {
                out.add(event.withDeviceIds(targets));
            }
        }
        return out;
    }

    private void send(
            Delivery delivery,
            Collection<Long> audience,
            Recipients recipients,
            List<OfflineEvent> unreached,
            List<OfflineEvent> connected) {
        Long sender = delivery.senderId();
        for (long user : audience) {
            if (sender != null && user == sender) {
                continue;
            }
            if (recipients.isOnline(user)) {
                deliveries.toUser(user, recipients.of(user), null, delivery.frame());
                if (delivery.whenOffline() != null && !delivery.byFlags() && recipients.hasPushDevices(user)) {
                    connected.add(delivery.whenOffline());
                }
            } else if (delivery.whenOffline() != null && !delivery.byFlags()) {
                unreached.add(delivery.whenOffline());
            }
        }
        if (sender != null && recipients.isOnline(sender)) {
            deliveries.toUser(sender, recipients.of(sender), delivery.senderDevice(), delivery.frame());
        }
    }
}
