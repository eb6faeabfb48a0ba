import type { ImClient } from "@chatforge/im-sdk";
import type { ChatState } from "./state.js";

/**
 * Notifications of messages that arrive while this browser has no live connection: the service
 * worker (public/sw.js) shows them; turning them on asks for permission, subscribes with the
 * server's VAPID key and registers the subscription for this tab's device.
 */
export function supported(): boolean {
  return "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;
}

/** The service worker, registered once per page load (it only shows notifications). */
export function worker(): Promise<ServiceWorkerRegistration> | null {
  return supported() ? navigator.serviceWorker.register("/sw.js") : null;
}

/** Asks for permission (call from a click) and registers this device; the status to show. */
export async function enable(client: ImClient): Promise<string> {
  if (!supported()) return "This browser cannot show notifications.";
  const permission = await Notification.requestPermission();
  if (permission !== "granted") return "Notifications are blocked for this site.";
  try {
    await client.subscribeWebPush(await navigator.serviceWorker.ready, { locale: navigator.language });
    return "Notifications are on for this browser.";
  } catch (e) {
    return `Notifications could not be turned on: ${e instanceof Error ? e.message : e}`;
  }
}

/** Opens the conversation a notification was clicked for: `?c=` at load, or a message from the worker. */
export function openRequested(state: ChatState): void {
  const requested = new URLSearchParams(location.search).get("c");
  if (requested) {
    history.replaceState(null, "", location.pathname);
    state.open(requested);
  }
  if (supported()) {
    navigator.serviceWorker.addEventListener("message", (event) => {
      if (event.data?.type === "open-conversation" && typeof event.data.conversationId === "string") {
        state.open(event.data.conversationId);
      }
    });
  }
}
