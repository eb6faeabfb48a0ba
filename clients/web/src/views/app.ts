import type { ImClient } from "@chatforge/im-sdk";
import { h, replaceChildren } from "../dom.js";
import { ChatState } from "../state.js";
import { ChatPane } from "./chat-pane.js";
import { Sidebar } from "./sidebar.js";
import * as notifications from "../notifications.js";

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
  // a hidden tab gets push notifications of new messages although it stays connected
  const reportVisibility = () => client.setForeground(document.visibilityState === "visible");
  reportVisibility();
  document.addEventListener("visibilitychange", () => {
    reportVisibility();
    if (document.visibilityState === "visible" && state.active) state.markRead(state.active);
  });
  state
    .start()
    .then(() => notifications.openRequested(state))
    .catch((e) => {
      state.notice = `Could not load your data: ${e instanceof Error ? e.message : e}`;
      state.changed();
    });
}
