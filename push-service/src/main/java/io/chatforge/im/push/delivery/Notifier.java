package io.chatforge.im.push.delivery;

import io.chatforge.im.contracts.frame.MsgIds;
import io.chatforge.im.contracts.messaging.OfflineEvent;
import io.chatforge.im.push.content.NotificationTexts;
import io.chatforge.im.push.content.Titles;
import io.chatforge.im.push.device.PushDevices;
import io.chatforge.im.push.device.Registration;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Who is told of a message and what: each registered device of its receiver that is not connected
 * in the foreground (the event names them, or says none of theirs is), for content from someone else,
 * and a recall where its message was pushed (replacing that notification); nothing for a muted conversation
 * unless the message mentions them; once per device and message ({@link SentLedger}).
 */
@Component
class Notifier {
    private final PushDevices devices;
    private final SentLedger ledger;
    private final Dispatcher dispatcher;
    private final Titles titles;

    Notifier(PushDevices devices, SentLedger ledger, Dispatcher dispatcher, Titles titles) {
        this.devices = devices;
        this.ledger = ledger;
        this.dispatcher = dispatcher;
        this.titles = titles;
    }

    void notify(OfflineEvent event) {
        Long msgId = MsgIds.parse(event.msgId());
        if (msgId == null || !NotificationTexts.worthTelling(event)) {
            return;
        }
        List<Registration> targets = devices.ofUser(event.userId()).stream()
                .filter(dispatcher::canSend)
                .filter(r -> event.deviceIds() == null || event.deviceIds().contains(r.deviceId()))
                .toList();
        if (targets.isEmpty()) {
            return; // nothing registered: no call to any other service
        }
        Long recalled = MsgIds.parse(event.recalled());
        if (recalled != null) {
            targets = targets.stream()
                    .filter(r -> ledger.pushed(r.userId(), r.deviceId(), recalled))
                    .toList();
            if (targets.isEmpty()) {
                return; // its message was never shown there
            }
        }
        Titles.Context context = titles.of(event);
        for (Registration target : targets) {
            if (ledger.claim(target.userId(), target.deviceId(), msgId)) {
                dispatcher.send(target, NotificationTexts.of(event, context, target.preview()), event.ts());
            }
        }
    }
}
