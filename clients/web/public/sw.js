// ChatForge IM's service worker: shows a push notification for each message pushed while this
// browser had no live connection (docs/api.md#push-notifications), one per conversation (a newer
// one replaces it), and opens that conversation when it is clicked.
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("push", (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = { body: event.data ? event.data.text() : "" };
  }
  event.waitUntil(show(data));
});

async function show(data) {
  if (data.type === "recall") {
    // its message was taken back: the notification that shows it says so, if it is still there
    const shown = await self.registration.getNotifications({ tag: data.conversationId });
    if (shown.length > 0) {
      await self.registration.showNotification(shown[0].title, {
        body: data.body || "This message was recalled",
        tag: data.conversationId,
        renotify: false,
        data: shown[0].data,
      });
    }
    return;
  }
  await self.registration.showNotification(data.title || "New message", {
    body: data.body || "",
    tag: data.conversationId || "chatforge",
    renotify: true,
    data: { conversationId: data.conversationId, msgId: data.msgId },
  });
  if (typeof data.badge === "number" && self.navigator.setAppBadge) {
    await self.navigator.setAppBadge(data.badge).catch(() => {});
  }
}

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  event.waitUntil(openConversation(event.notification.data && event.notification.data.conversationId));
});

// the page asks to act on a shown notification as a click would (e.g. "open the latest")
self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "open-notification") {
    event.waitUntil(
      self.registration.getNotifications({ tag: event.data.tag }).then(async ([notification]) => {
        if (!notification) return;
        notification.close();
        await openConversation(notification.data && notification.data.conversationId);
      }),
    );
  }
});

async function openConversation(conversationId) {
  if (!conversationId) return;
  const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  const open = windows.find((w) => new URL(w.url).origin === self.location.origin);
  if (open) {
    if (open.focus) await open.focus().catch(() => {});
    open.postMessage({ type: "open-conversation", conversationId });
    return;
  }
  await self.clients.openWindow(`/?c=${encodeURIComponent(conversationId)}`);
}
