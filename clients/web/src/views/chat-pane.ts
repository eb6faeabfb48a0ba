import type { MsgFrame } from "@chatforge/im-sdk";
import { h, replaceChildren, time } from "../dom.js";
import type { Chat, ChatState, PendingMessage } from "../state.js";
import { systemText } from "../system-text.js";
import { GroupDialog } from "./group-dialog.js";

const MAX_TEXT = 4096;

/** The open conversation: header, messages (scrolling back loads older ones), composer. */
export class ChatPane {
  readonly element: HTMLElement;
  private readonly header = h("header", { class: "chat-header" });
  private readonly list = h("ol", { class: "messages", "data-test": "messages" });
  private readonly input = h("textarea", { rows: 2, placeholder: "Write a message (Enter sends, Shift+Enter for a new line)", "data-test": "composer" });
  private readonly counter = h("small", { class: "counter" });
  private readonly sendButton = h("button", { type: "submit", class: "primary", "data-test": "send" }, "Send");
  private readonly composer: HTMLFormElement;
  private shownChat: string | null = null;
  private loadingOlder = false;

  constructor(private readonly state: ChatState) {
    this.composer = h("form", { class: "composer", onsubmit: (e: Event) => this.submit(e) }, this.input, h("div", { class: "composer-side" }, this.sendButton, this.counter));
    this.input.addEventListener("keydown", (e) => {
      if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        this.composer.requestSubmit();
      }
    });
    this.input.addEventListener("input", () => {
      this.updateCounter();
      const chat = this.chat();
      if (chat?.peerId && this.input.value) this.state.client.typing(chat.peerId);
    });
    this.list.addEventListener("scroll", () => {
      if (this.list.scrollTop < 40) void this.loadOlder();
    });
    this.element = h("section", { class: "chat" }, this.header, this.list, this.composer);
    this.render();
  }

  render(): void {
    const chat = this.chat();
    this.element.hidden = false;
    if (!chat) {
      replaceChildren(this.header, h("h2", null, "Pick a chat, or a friend to talk to"));
      replaceChildren(this.list);
      this.composer.hidden = true;
      return;
    }
    const switched = this.shownChat !== chat.id;
    this.shownChat = chat.id;
    if (switched) this.input.value = "";
    this.renderHeader(chat);
    this.renderMessages(chat, switched);
    this.composer.hidden = false;
    this.input.disabled = chat.left;
    this.sendButton.disabled = chat.left;
    this.input.placeholder = chat.left ? "You are no longer in this group" : "Write a message (Enter sends, Shift+Enter for a new line)";
    this.updateCounter();
    if (switched && !chat.left) this.input.focus();
  }

  private chat(): Chat | undefined {
    return this.state.active ? this.state.chats.get(this.state.active) : undefined;
  }

  private renderHeader(chat: Chat): void {
    const s = this.state;
    let subtitle: string;
    if (chat.typingUntil > Date.now()) subtitle = "typing…";
    else if (chat.kind === "group") subtitle = chat.left ? "you are no longer a member" : "group";
    else subtitle = s.friends.get(chat.peerId!)?.online ? "online" : s.friends.has(chat.peerId!) ? "offline" : "not a friend";
    replaceChildren(
      this.header,
      h("div", null, h("h2", { "data-test": "chat-header-title" }, s.titleOf(chat)), h("small", { class: chat.typingUntil > Date.now() ? "typing" : "", "data-test": "chat-subtitle" }, subtitle)),
      chat.kind === "group" && !chat.left
        ? h("button", { "data-test": "add-members", onclick: () => new GroupDialog(s, chat.groupId).open() }, "Add members")
        : null,
    );
  }

  private renderMessages(chat: Chat, switched: boolean): void {
    const list = this.list;
    const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 60;
    const previousHeight = list.scrollHeight;
    const previousTop = list.scrollTop;
    const messages = [...chat.messages.values()].sort((a, b) => a.seq - b.seq);
    const items: HTMLElement[] = [];
    if (!chat.historyComplete && messages.length > 0) {
      items.push(h("li", { class: "older" }, h("button", { class: "link", "data-test": "load-older", onclick: () => this.loadOlder() }, "Load older messages")));
    }
    for (const m of messages) items.push(this.messageItem(chat, m));
    for (const p of chat.pending.values()) items.push(this.pendingItem(p));
    replaceChildren(list, items);
    if (switched || atBottom) list.scrollTop = list.scrollHeight;
    else if (this.loadingOlder) list.scrollTop = list.scrollHeight - previousHeight + previousTop;
  }

  private messageItem(chat: Chat, m: MsgFrame): HTMLElement {
    const s = this.state;
    if (m.body.kind === "system") {
      return h("li", { class: "system", "data-test": "system-message", "data-seq": m.seq }, systemText(m, (id) => s.displayName(id)));
    }
    const mine = m.from.userId === s.me?.id;
    const read = mine && chat.kind === "direct" && chat.peerReadSeq >= m.seq;
    return h(
      "li",
      { class: mine ? "message mine" : "message", "data-test": "message", "data-seq": m.seq, "data-mine": String(mine) },
      !mine && chat.kind === "group" ? h("div", { class: "author" }, s.displayName(m.from.userId)) : null,
      h("div", { class: "bubble", "data-test": "message-text" }, m.body.kind === "text" ? m.body.text : "(unsupported message)"),
      h("div", { class: "meta" }, time(m.ts), mine ? h("span", { class: read ? "tick read" : "tick", "data-test": "tick", "data-read": String(read) }, read ? " ✓✓ read" : " ✓") : null),
    );
  }

  private pendingItem(p: PendingMessage): HTMLElement {
    return h(
      "li",
      { class: p.failed ? "message mine failed" : "message mine pending", "data-test": "pending-message" },
      h("div", { class: "bubble" }, p.text),
      h("div", { class: "meta" }, p.failed ? `not sent: ${p.failed.replace(/_/g, " ")}` : "sending…"),
    );
  }

  private submit(e: Event): void {
    e.preventDefault();
    const chat = this.chat();
    const text = this.input.value;
    if (!chat || !text.trim() || [...text].length > MAX_TEXT) return;
    this.state.send(chat.id, text);
    this.input.value = "";
    this.updateCounter();
    this.list.scrollTop = this.list.scrollHeight;
  }

  private updateCounter(): void {
    const length = [...this.input.value].length;
    this.counter.textContent = length > MAX_TEXT - 200 ? `${length}/${MAX_TEXT}` : "";
    this.counter.className = length > MAX_TEXT ? "counter over" : "counter";
    this.sendButton.disabled = length > MAX_TEXT || Boolean(this.chat()?.left);
  }

  private async loadOlder(): Promise<void> {
    const chat = this.chat();
    if (!chat || this.loadingOlder || chat.historyComplete) return;
    this.loadingOlder = true;
    try {
      await this.state.loadOlder(chat.id);
      await new Promise((r) => requestAnimationFrame(r)); // let the render keep the scroll position
    } finally {
      this.loadingOlder = false;
    }
  }
}
