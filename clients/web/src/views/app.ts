import type { ImClient } from "@chatforge/im-sdk";
import { avatar, h, replaceChildren } from "../dom.js";
import { ChatState } from "../state.js";
import { ChatPane } from "./chat-pane.js";
import { Sidebar } from "./sidebar.js";

/** The logged-in screen: sidebar (chats, friends, requests, profile) and the open chat. */
export function appView(root: HTMLElement, client: ImClient, loggedOut: () => void): void {
  const state = new ChatState(client);
  const notice = h("div", { class: "notice", role: "status", "data-test": "notice", hidden: true });
  const sidebar = new Sidebar(state, async () => {
    await client.logout();
    loggedOut();
  });
  const pane = new ChatPane(state);
  replaceChildren(root, h("div", { class: "app" }, sidebar.element, h("main", { class: "main" }, notice, pane.element)));

  state.subscribe(() => {
    notice.hidden = !state.notice;
    notice.textContent = state.notice ?? "";
    sidebar.render();
    pane.render();
  });
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible" && state.active) state.markRead(state.active);
  });
  state.start().catch((e) => {
    state.notice = `Could not load your data: ${e instanceof Error ? e.message : e}`;
    state.changed();
  });
}

export function statusBadge(state: ChatState): HTMLElement {
  const labels: Record<string, string> = {
    online: "Online",
    syncing: "Syncing…",
    connecting: "Connecting…",
    waiting: "Offline, reconnecting…",
    disconnected: "Disconnected",
    kicked: "Signed in elsewhere",
  };
  return h(
    "span",
    { class: `status status-${state.connection}`, "data-test": "connection", "data-state": state.connection, title: "connection" },
    h("span", { class: "dot" }),
    labels[state.connection] ?? state.connection,
  );
}

export function personChip(state: ChatState, userId: number, extra?: Node | string | null): HTMLElement {
  const person = state.people.get(userId);
  const name = state.displayName(userId);
  return h(
    "span",
    { class: "person" },
    avatar(name, person?.avatar),
    h("span", { class: "person-name" }, name, person?.username ? h("small", null, ` @${person.username}`) : null),
    extra ?? null,
  );
}
