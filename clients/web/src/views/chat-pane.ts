import type { MsgFrame, ShownMessage } from "@chatforge/im-sdk";
import { h, replaceChildren, time } from "../dom.js";
import type { Chat, ChatState, PendingMessage } from "../state.js";
import { systemText } from "../system-text.js";
import { GroupDialog } from "./group-dialog.js";

const MAX_TEXT = 4096;
const QUICK_EMOJIS = ["👍", "❤️", "😂", "🎉", "😮", "😢"];

/** The open conversation: header, messages (scrolling back loads older ones), composer. */
export class ChatPane {
  readonly element: HTMLElement;
  private readonly header = h("header", { class: "chat-header" });
  private readonly list = h("ol", { class: "messages", "data-test": "messages" });
  private readonly input = h("textarea", { rows: 2, placeholder: "Write a message (Enter sends, Shift+Enter for a new line)", "data-test": "composer" });
  private readonly counter = h("small", { class: "counter" });
  private readonly sendButton = h("button", { type: "submit", class: "primary", "data-test": "send" }, "Send");
  private readonly composer: HTMLFormElement;
  private readonly banner = h("div", { class: "composer-banner", "data-test": "composer-banner" });
  private readonly fileInput = h("input", { type: "file", multiple: true, hidden: true, "data-test": "attach-input" });
  private readonly attachButton = h("button", { type: "button", class: "attach", title: "Attach pictures or files", "data-test": "attach" }, "📎");
  private readonly lightbox = h("div", { class: "lightbox", "data-test": "lightbox", hidden: true });
  /** the picture open in the lightbox */
  private viewing: string | null = null;
  private shownChat: string | null = null;
  private loadingOlder = false;
  /** the message the next send replies to, or the one being edited */
  private replyingTo: ShownMessage | null = null;
  private editing: ShownMessage | null = null;
  /** the message whose menu is open */
  private menuFor: string | null = null;

  constructor(private readonly state: ChatState) {
    this.composer = h("form", { class: "composer", onsubmit: (e: Event) => this.submit(e) }, this.attachButton, this.fileInput, this.input, h("div", { class: "composer-side" }, this.sendButton, this.counter));
    this.attachButton.addEventListener("click", () => this.fileInput.click());
    this.fileInput.addEventListener("change", () => {
      this.sendFiles([...(this.fileInput.files ?? [])]);
      this.fileInput.value = "";
    });
    // a picture pasted into the composer is sent as one
    this.input.addEventListener("paste", (e) => {
      const files = [...(e.clipboardData?.files ?? [])];
      if (files.length === 0) return;
      e.preventDefault();
      this.sendFiles(files);
    });
    this.lightbox.addEventListener("click", () => {
      this.viewing = null;
      this.render();
    });
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
    this.element = h("section", { class: "chat" }, this.header, this.list, this.banner, this.composer, this.lightbox);
    // files dropped anywhere on the open chat are sent to it
    this.element.addEventListener("dragover", (e) => {
      if (!e.dataTransfer?.types.includes("Files") || !this.chat() || this.chat()!.left) return;
      e.preventDefault();
      this.element.classList.add("dropping");
    });
    this.element.addEventListener("dragleave", () => this.element.classList.remove("dropping"));
    this.element.addEventListener("drop", (e) => {
      this.element.classList.remove("dropping");
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length === 0) return;
      e.preventDefault();
      this.sendFiles(files);
    });
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
    if (switched) {
      this.input.value = "";
      this.replyingTo = this.editing = null;
      this.menuFor = null;
    }
    this.renderBanner();
    this.renderHeader(chat);
    this.renderMessages(chat, switched);
    this.composer.hidden = false;
    this.input.disabled = chat.left;
    this.sendButton.disabled = chat.left;
    this.attachButton.disabled = chat.left;
    this.renderLightbox();
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
    const messages = this.state.fold.messages(chat.id);
    const items: HTMLElement[] = [];
    if (!chat.historyComplete && messages.length > 0) {
      items.push(h("li", { class: "older" }, h("button", { class: "link", "data-test": "load-older", onclick: () => this.loadOlder() }, "Load older messages")));
    }
    for (const m of messages) {
      const frame = chat.messages.get(m.seq);
      items.push(m.kind === "system" && frame ? this.systemItem(frame) : this.messageItem(chat, m));
    }
    for (const p of chat.pending.values()) items.push(this.pendingItem(p));
    replaceChildren(list, items);
    if (switched || atBottom) list.scrollTop = list.scrollHeight;
    else if (this.loadingOlder) list.scrollTop = list.scrollHeight - previousHeight + previousTop;
  }

  private systemItem(m: MsgFrame): HTMLElement {
    const s = this.state;
    return h("li", { class: "system", "data-test": "system-message", "data-seq": m.seq }, systemText(m, (id) => s.displayName(id)));
  }

  private messageItem(chat: Chat, m: ShownMessage): HTMLElement {
    const s = this.state;
    const mine = m.from.userId === s.me?.id;
    const read = mine && chat.kind === "direct" && chat.peerReadSeq >= m.seq;
    const media = m.media && !m.recalled ? this.mediaBlock(m) : null;
    const text = m.recalled
      ? "This message was recalled"
      : m.kind === "text" || media
        ? (m.text ?? "")
        : "(unsupported message)";
    return h(
      "li",
      {
        class: ["message", mine ? "mine" : "", m.recalled ? "recalled" : ""].join(" ").trim(),
        "data-test": "message",
        "data-seq": m.seq,
        "data-msg-id": m.msgId,
        "data-mine": String(mine),
        "data-recalled": String(m.recalled),
      },
      !mine && chat.kind === "group" ? h("div", { class: "author" }, s.displayName(m.from.userId)) : null,
      m.forwardedFrom !== null ? h("div", { class: "forwarded", "data-test": "forwarded" }, `Forwarded from ${s.displayName(m.forwardedFrom)}`) : null,
      m.replyTo ? this.quote(chat, m.replyTo) : null,
      media,
      media && !text ? null : h("div", { class: "bubble", "data-test": "message-text" }, text),
      m.reactions.length > 0 ? this.chips(chat, m) : null,
      h(
        "div",
        { class: "meta" },
        time(m.ts),
        m.edited ? h("span", { class: "edited", "data-test": "edited" }, " · edited") : null,
        mine ? h("span", { class: read ? "tick read" : "tick", "data-test": "tick", "data-read": String(read) }, read ? " ✓✓ read" : " ✓") : null,
        m.recalled || chat.left ? null : h("button", { class: "link menu-button", "data-test": "message-menu", title: "More", onclick: () => this.toggleMenu(m.msgId) }, "⋯"),
      ),
      this.menuFor === m.msgId ? this.menu(chat, m, mine) : null,
    );
  }

  /** A picture's thumbnail (click: the full picture), or a file's card (name, size, download). */
  private mediaBlock(m: ShownMessage): HTMLElement {
    const media = m.media!;
    if (m.kind === "image") {
      const src = this.state.mediaUrl(media.mediaId, true);
      const img = h("img", { class: "thumbnail", alt: media.fileName, "data-test": "thumbnail", "data-media-id": media.mediaId, src: src ?? null });
      if (media.width && media.height) {
        // keep the space while it loads: the longest side is at most 240 px here
        const scale = Math.min(1, 240 / Math.max(media.width, media.height));
        img.width = Math.round(media.width * scale);
        img.height = Math.round(media.height * scale);
      }
      return h("button", { class: "media picture", "data-test": "open-picture", title: "Open", onclick: () => { this.viewing = media.mediaId; this.render(); } }, img);
    }
    return h(
      "div",
      { class: "media file-card", "data-test": "file-card" },
      h("span", { class: "file-icon" }, m.kind === "audio" ? "🎵" : m.kind === "video" ? "🎬" : "📄"),
      h("span", { class: "file-info" }, h("strong", { "data-test": "file-name" }, media.fileName), h("small", { "data-test": "file-size" }, humanSize(media.size))),
      h("button", { class: "link", "data-test": "file-download", onclick: () => void this.download(media.mediaId, media.fileName) }, "Download"),
    );
  }

  private async download(mediaId: string, fileName: string): Promise<void> {
    const url = this.state.mediaUrl(mediaId) ?? (await this.state.client.mediaUrl(mediaId));
    const a = h("a", { href: url, download: fileName, hidden: true });
    document.body.appendChild(a);
    a.click();
    a.remove();
  }

  private renderLightbox(): void {
    this.lightbox.hidden = this.viewing === null;
    if (this.viewing === null) return;
    const src = this.state.mediaUrl(this.viewing);
    replaceChildren(this.lightbox, src ? h("img", { src, alt: "", "data-test": "full-picture" }) : h("span", null, "Loading…"));
  }

  private sendFiles(files: File[]): void {
    const chat = this.chat();
    if (!chat || chat.left || files.length === 0) return;
    this.state.sendFiles(chat.id, files);
    this.list.scrollTop = this.list.scrollHeight;
  }

  /** The quoted message above a reply: who wrote it and its first words, or that it was recalled. */
  private quote(chat: Chat, replyTo: NonNullable<ShownMessage["replyTo"]>): HTMLElement {
    const held = this.state.fold.get(chat.id, replyTo.msgId);
    const recalled = held ? held.recalled : replyTo.seq !== null && replyTo.preview === null;
    const words = recalled ? "message recalled" : (held?.text ?? replyTo.preview ?? "…");
    const author = held?.from.userId ?? replyTo.fromUserId;
    return h(
      "div",
      { class: "quote", "data-test": "quote" },
      author !== null && author !== undefined ? h("strong", null, `${this.state.displayName(author)}: `) : null,
      words.length > 100 ? `${[...words].slice(0, 100).join("")}…` : words,
    );
  }

  private chips(chat: Chat, m: ShownMessage): HTMLElement {
    return h(
      "div",
      { class: "reactions", "data-test": "reactions" },
      m.reactions.map((r) =>
        h(
          "button",
          {
            class: r.mine ? "chip mine" : "chip",
            "data-test": "reaction",
            "data-emoji": r.emoji,
            "data-mine": String(r.mine),
            title: r.userIds.map((u) => this.state.displayName(u)).join(", "),
            onclick: () => this.state.react(chat.id, m.msgId, r.emoji),
          },
          `${r.emoji} ${r.count}`,
        ),
      ),
    );
  }

  private menu(chat: Chat, m: ShownMessage, mine: boolean): HTMLElement {
    const s = this.state;
    const close = (act: () => void) => () => {
      this.menuFor = null;
      act();
      this.render();
    };
    const others = s.sortedChats().filter((c) => !c.left);
    const forward = h(
      "select",
      {
        "data-test": "forward-to",
        onchange: (e: Event) => {
          const to = (e.target as HTMLSelectElement).value;
          if (to) close(() => s.forward(chat.id, m.msgId, to))();
        },
      },
      h("option", { value: "" }, "Forward to…"),
      others.map((c) => h("option", { value: c.id }, s.titleOf(c))),
    );
    return h(
      "div",
      { class: "message-menu", "data-test": "menu" },
      h("button", { "data-test": "menu-reply", onclick: close(() => this.startReply(m)) }, "Reply"),
      mine && m.forwardedFrom === null ? h("button", { "data-test": "menu-edit", onclick: close(() => this.startEdit(m)) }, "Edit") : null,
      mine || chat.myRole === "owner" || chat.myRole === "admin"
        ? h("button", { "data-test": "menu-recall", onclick: close(() => s.recall(chat.id, m.msgId)) }, "Recall")
        : null,
      h("span", { class: "quick-reactions" }, QUICK_EMOJIS.map((emoji) => h("button", { "data-test": "menu-react", "data-emoji": emoji, onclick: close(() => s.react(chat.id, m.msgId, emoji)) }, emoji))),
      forward,
      h("button", { "data-test": "menu-delete", onclick: close(() => void s.deleteForMe(chat.id, m.msgId)) }, "Delete for me"),
    );
  }

  private toggleMenu(msgId: string): void {
    this.menuFor = this.menuFor === msgId ? null : msgId;
    this.render();
  }

  private startReply(m: ShownMessage): void {
    this.editing = null;
    this.replyingTo = m;
    this.input.focus();
  }

  private startEdit(m: ShownMessage): void {
    this.replyingTo = null;
    this.editing = m;
    this.input.value = m.text ?? "";
    this.updateCounter();
    this.input.focus();
  }

  private renderBanner(): void {
    const target = this.editing ?? this.replyingTo;
    this.banner.hidden = !target;
    if (!target) return;
    replaceChildren(
      this.banner,
      h("span", null, this.editing ? "Editing: " : `Replying to ${this.state.displayName(target.from.userId)}: `, h("q", null, (target.text ?? "").slice(0, 80))),
      h("button", { class: "link", "data-test": "banner-cancel", onclick: () => { this.replyingTo = this.editing = null; this.input.value = ""; this.render(); } }, "Cancel"),
    );
  }

  private pendingItem(p: PendingMessage): HTMLElement {
    return h(
      "li",
      { class: p.failed ? "message mine failed" : "message mine pending", "data-test": "pending-message" },
      h("div", { class: "bubble" }, p.text),
      p.progress !== undefined && !p.failed
        ? h("progress", { class: "upload-progress", "data-test": "upload-progress", max: 100, value: String(Math.round(p.progress * 100)) })
        : null,
      h("div", { class: "meta" }, p.failed ? `not sent: ${p.failed.replace(/_/g, " ")}` : p.progress !== undefined ? "uploading…" : "sending…"),
    );
  }

  private submit(e: Event): void {
    e.preventDefault();
    const chat = this.chat();
    const text = this.input.value;
    if (!chat || !text.trim() || [...text].length > MAX_TEXT) return;
    if (this.editing) this.state.edit(chat.id, this.editing.msgId, text);
    else this.state.send(chat.id, text, this.replyingTo?.msgId);
    this.replyingTo = this.editing = null;
    this.renderBanner();
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

function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
