package io.chatforge.im.push.delivery;

import io.chatforge.im.push.content.Notification;
import io.chatforge.im.push.device.Registration;

/** One push service (Web Push, FCM, APNs): sends one notification to one registration. */
public interface Provider {
    /** The registrations' {@code provider} this one serves. */
    String name();

    /** False without credentials: its registrations are kept but nothing is sent. */
    boolean enabled();

    Outcome send(Registration registration, Notification notification);
}
