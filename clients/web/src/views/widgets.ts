import { ApiError } from "@chatforge/im-sdk";
import { avatar, h } from "../dom.js";
import type { ChatState } from "../state.js";

// Small pieces the views share. Views import this module and never each other's siblings,
// so their imports form a tree: main -> app -> sidebar/chat-pane -> group-dialog -> widgets.

export function describe(err: unknown): string {
  if (err instanceof ApiError) {
    const field = Array.isArray(err.problem.errors) ? (err.problem.errors as { field: string; message: string }[]) : [];
    if (field.length) return field.map((f) => `${f.field}: ${f.message}`).join("; ");
    switch (err.code) {
      case "invalid_credentials":
        return "Wrong username or password.";
      case "username_taken":
        return "That username is taken.";
      case "too_many_login_attempts":
      case "rate_limited":
        return `Too many attempts; try again in ${err.retryAfter ?? 60} s.`;
      case "network_error":
        return "The server cannot be reached.";
      default:
        return err.detail || err.code;
    }
  }
  return err instanceof Error ? err.message : String(err);
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
