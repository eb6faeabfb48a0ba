import type { Profile } from "@chatforge/im-sdk";
import * as notifications from "../notifications.js";
import { avatar, h, replaceChildren, time } from "../dom.js";
import type { ChatState } from "../state.js";
import { preview } from "../system-text.js";
import { describe, personChip, statusBadge } from "./widgets.js";
import { GroupDialog } from "./group-dialog.js";

type Tab = "chats" | "friends" | "requests" | "profile";

/** The left column: who I am, the connection, and four tabs. */
export class Sidebar {
  readonly element: HTMLElement;
  private tab: Tab = "chats";
  private readonly header = h("header", { class: "me" });
  private readonly tabs = h("nav", { class: "tabs" });
  private readonly body = h("section", { class: "panel" });
  private readonly chats = h("ul", { class: "chat-list", "data-test": "chat-list" });
  private readonly friends = h("ul", { class: "friend-list", "data-test": "friend-list" });
  private readonly requests = h("div", { class: "requests" });
  private readonly results = h("ul", { class: "search-results", "data-test": "search-results" });
  private readonly searchInput = h("input", { type: "search", placeholder: "Find people by name", "data-test": "search" });
  private readonly profileForm: HTMLFormElement;
  private readonly nickname = h("input", { name: "nickname", maxlength: 64, "data-test": "profile-nickname" });
  private readonly avatarUrl = h("input", { name: "avatar", type: "url", maxlength: 512, placeholder: "https://…", "data-test": "profile-avatar" });
  private readonly profileMessage = h("p", { class: "hint", "data-test": "profile-message" });
  private readonly notificationStatus = h("p", { class: "hint", "data-test": "notifications-status" });
  private searchHits: Profile[] = [];
  private searchError = "";

  constructor(
    private readonly state: ChatState,
    private readonly logout: () => void,
  ) {
    this.profileForm = h(
      "form",
      { class: "profile", onsubmit: (e: Event) => this.saveProfile(e) },
      h("label", null, "Nickname", this.nickname),
      h("label", null, "Avatar URL", this.avatarUrl),
      h("button", { type: "submit", class: "primary", "data-test": "profile-save" }, "Save profile"),
      this.profileMessage,
      h("h3", null, "Notifications"),
      h("button", { type: "button", "data-test": "enable-notifications", onclick: () => void this.enableNotifications() }, "Turn on notifications"),
      this.notificationStatus,
    );
    const searchForm = h(
      "form",
      { class: "search", onsubmit: (e: Event) => this.search(e) },
      this.searchInput,
      h("button", { type: "submit", "data-test": "search-submit" }, "Search"),
    );
    this.friendsPanel = h("div", null, searchForm, this.results, h("h3", null, "Friends"), this.friends);
    this.element = h("aside", { class: "sidebar" }, this.header, this.tabs, this.body);
    this.render();
  }

  private async enableNotifications(): Promise<void> {
    this.notificationStatus.textContent = "Turning notifications on…";
    this.notificationStatus.textContent = await notifications.enable(this.state.client);
  }

  private readonly friendsPanel: HTMLElement;

  render(): void {
    const s = this.state;
    replaceChildren(
      this.header,
      s.me
        ? h("span", { class: "person" }, avatar(s.me.nickname, s.me.avatar), h("span", { class: "person-name", "data-test": "me" }, s.me.nickname, h("small", null, ` @${s.me.username}`)))
        : h("span", null, "…"),
      statusBadge(s),
      h("button", { class: "link", onclick: this.logout, "data-test": "logout" }, "Log out"),
    );
    const unread = [...s.chats.values()].reduce((n, c) => n + (c.left || c.muted ? 0 : c.unread), 0);
    const tab = (id: Tab, label: string, badge = 0) =>
      h(
        "button",
        { class: this.tab === id ? "tab active" : "tab", "data-test": `tab-${id}`, onclick: () => this.show(id) },
        label,
        badge > 0 ? h("span", { class: "badge", "data-test": `badge-${id}` }, badge) : null,
      );
    replaceChildren(
      this.tabs,
      tab("chats", "Chats", unread),
      tab("friends", "Friends"),
      tab("requests", "Requests", s.incoming.length),
      tab("profile", "Profile"),
    );
    if (this.tab === "chats") this.renderChats();
    if (this.tab === "friends") this.renderFriends();
    if (this.tab === "requests") this.renderRequests();
  }

  private show(tab: Tab): void {
    this.tab = tab;
    const panels: Record<Tab, HTMLElement> = {
      chats: h("div", null, h("button", { class: "primary wide", "data-test": "new-group", onclick: () => new GroupDialog(this.state).open() }, "New group"), this.chats),
      friends: this.friendsPanel,
      requests: this.requests,
      profile: this.profileForm,
    };
    replaceChildren(this.body, panels[tab]);
    if (tab === "profile" && this.state.me) {
      this.nickname.value = this.state.me.nickname;
      this.avatarUrl.value = this.state.me.avatar ?? "";
      this.profileMessage.textContent = "";
    }
    this.render();
  }

  private renderChats(): void {
    if (!this.body.contains(this.chats)) this.show("chats");
    const s = this.state;
    const items = s.sortedChats().map((chat) => {
      const last = [...chat.messages.values()].reduce((a, b) => (!a || b.seq > a.seq ? b : a), undefined as any);
      const pending = [...chat.pending.values()].pop();
      const title = s.titleOf(chat);
      const online = chat.peerId ? s.friends.get(chat.peerId)?.online : undefined;
      return h(
        "li",
        {
          class: chat.id === s.active ? "chat-item active" : "chat-item",
          "data-test": "chat-item",
          "data-conversation": chat.id,
          onclick: () => s.open(chat.id),
        },
        avatar(title, chat.peerId ? s.people.get(chat.peerId)?.avatar : null),
        h(
          "div",
          { class: "chat-item-text" },
          h(
            "div",
            { class: "chat-item-title" },
            h("span", { class: "name", "data-test": "chat-title" }, title),
            online ? h("span", { class: "online-dot", title: "online" }) : null,
            chat.pinned ? h("span", { title: "pinned", "data-test": "pinned-mark" }, "📌") : null,
            chat.muted ? h("span", { title: "muted", "data-test": "muted-mark" }, "🔕") : null,
          ),
          h(
            "div",
            { class: "chat-item-preview", "data-test": "chat-preview" },
            pending ? pending.text : preview(last, (id) => s.displayName(id), last ? s.fold.get(chat.id, last.msgId)?.text : undefined),
          ),
        ),
        h(
          "div",
          { class: "chat-item-meta" },
          last ? h("small", null, time(last.ts)) : null,
          chat.unreadMentions > 0 && !chat.left ? h("span", { class: "badge mention", "data-test": "unread-mentions" }, "@") : null,
          chat.unread > 0 && !chat.left ? h("span", { class: chat.muted ? "badge quiet" : "badge", "data-test": "unread" }, chat.unread) : null,
          h(
            "span",
            { class: "chat-item-actions" },
            h("button", { class: "link", title: chat.pinned ? "Unpin" : "Pin", "data-test": "pin", onclick: (e: Event) => { e.stopPropagation(); void s.toggle(chat.id, "pinned"); } }, chat.pinned ? "Unpin" : "Pin"),
            h("button", { class: "link", title: chat.muted ? "Unmute" : "Mute", "data-test": "mute", onclick: (e: Event) => { e.stopPropagation(); void s.toggle(chat.id, "muted"); } }, chat.muted ? "Unmute" : "Mute"),
          ),
        ),
      );
    });
    replaceChildren(this.chats, items.length ? items : h("li", { class: "empty" }, "No chats yet. Find friends in the Friends tab."));
  }

  private renderFriends(): void {
    const s = this.state;
    const outgoingTo = new Set(s.outgoing.map((r) => r.toUserId));
    replaceChildren(
      this.results,
      this.searchError ? h("li", { class: "error" }, this.searchError) : null,
      this.searchHits.map((p) => {
        const isMe = p.id === s.me?.id;
        const action = isMe
          ? h("small", null, "you")
          : s.friends.has(p.id)
            ? h("button", { onclick: () => s.open(s.chatWith(p.id).id) }, "Message")
            : outgoingTo.has(p.id)
              ? h("small", null, "requested")
              : h("button", { "data-test": "add-friend", onclick: () => this.request(p.id) }, "Add friend");
        return h("li", { "data-test": "search-hit", "data-username": p.username }, personChip(s, p.id), action);
      }),
    );
    const friends = [...s.friends.entries()].sort(
      (a, b) => Number(b[1].online) - Number(a[1].online) || s.displayName(a[0]).localeCompare(s.displayName(b[0])),
    );
    replaceChildren(
      this.friends,
      friends.length
        ? friends.map(([userId, f]) =>
            h(
              "li",
              { "data-test": "friend", "data-user": userId, "data-online": String(f.online), onclick: () => s.open(s.chatWith(userId).id) },
              personChip(s, userId),
              h("span", { class: f.online ? "presence on" : "presence" }, f.online ? "online" : "offline"),
            ),
          )
        : h("li", { class: "empty" }, "No friends yet: search for people above."),
    );
  }

  private renderRequests(): void {
    const s = this.state;
    const api = s.client.api;
    const act = (fn: () => Promise<unknown>) => () => fn().then(() => s.loadSocial()).catch((e) => alert(describe(e)));
    replaceChildren(
      this.requests,
      h("h3", null, "Received"),
      h(
        "ul",
        { "data-test": "incoming" },
        s.incoming.length
          ? s.incoming.map((r) =>
              h(
                "li",
                { "data-test": "incoming-request", "data-user": r.fromUserId },
                personChip(s, r.fromUserId),
                r.message ? h("q", null, r.message) : null,
                h("button", { class: "primary", "data-test": "accept", onclick: act(() => api.friends.accept(r.id)) }, "Accept"),
                h("button", { "data-test": "decline", onclick: act(() => api.friends.decline(r.id)) }, "Decline"),
              ),
            )
          : h("li", { class: "empty" }, "No requests."),
      ),
      h("h3", null, "Sent"),
      h(
        "ul",
        { "data-test": "outgoing" },
        s.outgoing.length
          ? s.outgoing.map((r) =>
              h(
                "li",
                { "data-test": "outgoing-request" },
                personChip(s, r.toUserId),
                h("small", null, "pending"),
                h("button", { onclick: act(() => api.friends.cancel(r.id)) }, "Cancel"),
              ),
            )
          : h("li", { class: "empty" }, "None pending."),
      ),
    );
  }

  private async search(e: Event): Promise<void> {
    e.preventDefault();
    const text = this.searchInput.value.trim();
    this.searchError = "";
    if (!text) {
      this.searchHits = [];
    } else {
      try {
        const page = await this.state.client.api.users.search(text, 0, 20);
        this.searchHits = page.items;
        for (const p of page.items) this.state.remember({ userId: p.id, username: p.username, nickname: p.nickname, avatar: p.avatar });
        if (!page.items.length) this.searchError = "Nobody found.";
      } catch (err) {
        this.searchError = describe(err);
      }
    }
    this.render();
  }

  private async request(userId: number): Promise<void> {
    try {
      await this.state.client.api.friends.request(userId);
      await this.state.loadSocial();
    } catch (err) {
      this.searchError = describe(err);
      this.render();
    }
  }

  private async saveProfile(e: Event): Promise<void> {
    e.preventDefault();
    const s = this.state;
    try {
      s.me = await s.client.api.users.updateMe({ nickname: this.nickname.value.trim(), avatar: this.avatarUrl.value.trim() });
      s.remember({ userId: s.me.id, username: s.me.username, nickname: s.me.nickname, avatar: s.me.avatar });
      this.profileMessage.textContent = "Saved.";
      s.changed();
    } catch (err) {
      this.profileMessage.textContent = describe(err);
    }
  }
}
