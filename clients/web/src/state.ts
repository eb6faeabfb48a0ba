import {
  ApiError,
  conversationIdOf,
  MessageFold,
  targetOf,
  type ConnectionState,
  type Conversation as ConversationView,
  type FriendRequest,
  type ImClient,
  type MsgFrame,
  type Outgoing,
  type Profile,
  type SendError,
} from "@chatforge/im-sdk";

export interface Person {
  userId: number;
  name: string;
  username: string | null;
  avatar: string | null;
}

export interface PendingMessage {
  clientMsgId: string;
  text: string;
  createdAt: number;
  failed?: string;
  /** an upload in progress: the share of its bytes sent, 0 to 1 */
  progress?: number;
}

/** Pictures the server reads (and makes thumbnails of) go as "image"; anything else as a file. */
const PICTURES = new Set(["image/jpeg", "image/png", "image/gif", "image/webp"]);

/** Content a person wrote: counted unread, shown as a message. */
export function isContent(kind: string): boolean {
  return kind === "text" || kind === "image" || kind === "file" || kind === "audio" || kind === "video";
}

/** Entries that change another message: applied by the fold, never shown on their own. */
const CHANGE_KINDS = new Set(["edit", "recall", "reaction", "delete", "clear"]);

export interface Chat {
  id: string;
  kind: "direct" | "group";
  /** the friend of a direct chat */
  peerId?: number;
  groupId?: number;
  groupName?: string;
  /** my role in the group: owners and admins may recall anyone's message and mention @all */
  myRole?: "owner" | "admin" | "member";
  messages: Map<number, MsgFrame>;
  pending: Map<string, PendingMessage>;
  lastSeq: number;
  readSeq: number;
  /** how far the peer has read (direct chats; from receipts) */
  peerReadSeq: number;
  unread: number;
  unreadMentions: number;
  muted: boolean;
  pinned: boolean;
  left: boolean;
  typingUntil: number;
  /** the oldest seq loaded, or null before the first history page */
  oldestLoaded: number | null;
  historyComplete: boolean;
  lastActivity: number;
}

/**
 * What the web client shows, kept current from REST (at start and on social events) and from the
 * SDK's events. Views subscribe and re-render.
 */
export class ChatState {
  me: Profile | null = null;
  readonly people = new Map<number, Person>();
  readonly friends = new Map<number, { online: boolean }>();
  incoming: FriendRequest[] = [];
  outgoing: FriendRequest[] = [];
  readonly chats = new Map<string, Chat>();
  active: string | null = null;
  connection: ConnectionState = "disconnected";
  notice: string | null = null;
  /** every message with its edits, recalls, reactions and my deletes and clears applied */
  readonly fold: MessageFold;

  private readonly listeners = new Set<() => void>();
  /** short-lived download URLs by media id (and "<id>/thumbnail"), refreshed before they expire */
  private readonly mediaLinks = new Map<string, { url: string; expiresAt: number } | "loading">();
  private readonly lookups = new Map<number, Promise<void>>();
  private scheduled = false;

  constructor(readonly client: ImClient) {
    this.fold = new MessageFold(() => this.me?.id ?? null);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Many changes in one frame render once. */
  changed(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    requestAnimationFrame(() => {
      this.scheduled = false;
      for (const listener of this.listeners) listener();
    });
  }

  async start(): Promise<void> {
    const c = this.client;
    c.on("state", (s) => {
      this.connection = s;
      if (s === "kicked") this.notice = "You signed in on another tab or device with this session. Reload to continue here.";
      this.changed();
    });
    c.on("message", (m, info) => this.onMessage(m, info.clientMsgId));
    c.on("outgoing", (o) => this.onOutgoing(o));
    c.on("sendFailed", (e) => this.onSendFailed(e));
    c.on("receipt", (r) => {
      const chat = this.chats.get(r.conversationId);
      if (!chat) return;
      if (r.readerId === this.me?.id) {
        chat.readSeq = Math.max(chat.readSeq, r.seq);
        if (chat.readSeq >= chat.lastSeq) chat.unread = chat.unreadMentions = 0;
      } else {
        chat.peerReadSeq = Math.max(chat.peerReadSeq, r.seq);
      }
      this.changed();
    });
    c.on("presence", (p) => {
      if (this.friends.has(p.userId)) this.friends.set(p.userId, { online: p.online });
      this.changed();
    });
    c.on("typing", (t) => {
      const chat = this.chats.get(t.conversationId);
      if (!chat) return;
      chat.typingUntil = Date.now() + 5000;
      this.changed();
      setTimeout(() => this.changed(), 5100);
    });
    c.on("event", (e) => {
      if (this.fold.applyEvent(e)) this.changed();
      if (e.kind === "conversation.settings") {
        const data = e.data as { conversationId: string; muted: boolean; pinned: boolean };
        const chat = this.chats.get(data.conversationId);
        if (chat) Object.assign(chat, { muted: data.muted, pinned: data.pinned });
        this.changed();
      }
      if (e.kind === "conversation.cleared") {
        const chat = this.chats.get(String((e.data as Record<string, unknown>).conversationId));
        if (chat) Object.assign(chat, { unread: 0, unreadMentions: 0, historyComplete: true });
        this.changed();
      }
    });
    c.on("social", () => void this.loadSocial());
    c.on("synced", () => void this.loadSocial()); // presence and requests changed while away

    this.me = await c.api.users.me();
    this.remember({ userId: this.me.id, username: this.me.username, nickname: this.me.nickname, avatar: this.me.avatar });
    await Promise.all([this.loadConversations(), this.loadSocial()]);
    c.connect();
    this.changed();
  }

  // ---- loading -------------------------------------------------------------------------------------

  async loadConversations(): Promise<void> {
    const cursors: Record<string, number> = {};
    for (let page = 0; page < 10; page++) {
      const list = await this.client.api.conversations.list(page, 100);
      for (const view of list.items) {
        this.adopt(view);
        cursors[view.conversationId] = view.lastSeq;
      }
      if (!list.hasNext) break;
    }
    this.client.seed(cursors); // the SDK delivers what comes after; older messages come from history
    this.changed();
  }

  async loadSocial(): Promise<void> {
    const api = this.client.api;
    const [friends, incoming, outgoing] = await Promise.all([
      api.friends.list(0, 100),
      api.friends.requests("incoming"),
      api.friends.requests("outgoing"),
    ]);
    this.friends.clear();
    for (const f of friends.items) {
      this.friends.set(f.user.userId, { online: f.online });
      this.remember(f.user);
    }
    this.incoming = incoming.items;
    this.outgoing = outgoing.items;
    for (const r of [...incoming.items, ...outgoing.items]) this.remember(r.peer);
    this.changed();
  }

  /** Loads the next older page of a chat's history (the newest page first). */
  async loadOlder(chatId: string): Promise<void> {
    const chat = this.chats.get(chatId);
    if (!chat || chat.historyComplete) return;
    const before = chat.oldestLoaded ?? undefined;
    let messages: MsgFrame[];
    try {
      messages = await this.client.api.conversations.history(chatId, { beforeSeq: before, limit: 30 });
    } catch (e) {
      if (e instanceof ApiError && e.code === "conversation_not_found") {
        chat.historyComplete = true; // nothing stored yet
        this.changed();
        return;
      }
      throw e;
    }
    for (const m of messages) this.store(chat, m);
    const oldest = messages.length ? messages[0].seq : chat.oldestLoaded;
    chat.oldestLoaded = oldest ?? null;
    chat.historyComplete = messages.length < 30 || (oldest ?? 1) <= 1;
    for (const m of messages) void this.person(m.from.userId);
    this.changed();
  }

  // ---- actions -------------------------------------------------------------------------------------

  open(chatId: string): void {
    this.active = chatId;
    const chat = this.chats.get(chatId);
    if (chat && chat.oldestLoaded === null && !chat.historyComplete) void this.loadOlder(chatId);
    this.markRead(chatId);
    this.changed();
  }

  /** The chat with a friend, created locally if no message exists yet. */
  chatWith(userId: number): Chat {
    const id = conversationIdOf(this.me!.id, { userId });
    return this.chats.get(id) ?? this.ensureChat(id);
  }

  send(chatId: string, text: string, replyTo?: string): void {
    const chat = this.chats.get(chatId);
    if (!chat) return;
    const manages = chat.myRole === "owner" || chat.myRole === "admin";
    const mentions = manages && /(^|\s)@all\b/.test(text) ? (["all"] as "all"[]) : undefined;
    const outgoing: Outgoing = this.client.send(this.targetOf(chat), text, { replyTo, mentions });
    outgoing.result.catch((e: SendError) => {
      const p = chat.pending.get(outgoing.clientMsgId);
      if (p) p.failed = e.code;
      else chat.pending.set(outgoing.clientMsgId, { clientMsgId: outgoing.clientMsgId, text, createdAt: Date.now(), failed: e.code });
      this.changed();
    });
  }

  /** An edit, recall, reaction or forward: shown when the server confirms it, a notice when it refuses. */
  change(chatId: string, act: (to: ReturnType<ChatState["targetOf"]>) => Outgoing): void {
    const chat = this.chats.get(chatId);
    if (!chat) return;
    act(this.targetOf(chat)).result.catch((e: SendError) => {
      this.notice = `Not done: ${e.code.replace(/_/g, " ")}`;
      this.changed();
    });
  }

  /**
   * Uploads and sends files: pictures as images (thumbnails for the other side), anything else as
   * a file. Each shows as a pending message with its progress until the upload is done.
   */
  sendFiles(chatId: string, files: File[], caption?: string): void {
    const chat = this.chats.get(chatId);
    if (!chat) return;
    for (const file of files) {
      const id = `upload-${Math.random().toString(36).slice(2)}`;
      const kind = PICTURES.has(file.type) ? "image" : "file";
      const placeholder: PendingMessage = { clientMsgId: id, text: `${kind === "image" ? "🖼" : "📎"} ${file.name}`, createdAt: Date.now(), progress: 0 };
      chat.pending.set(id, placeholder);
      this.changed();
      this.client
        .sendMedia(this.targetOf(chat), kind, file, {
          caption,
          fileName: file.name,
          contentType: file.type || "application/octet-stream",
          onProgress: (sent, total) => {
            placeholder.progress = total > 0 ? sent / total : 1;
            this.changed();
          },
        })
        .then((outgoing) => {
          chat.pending.delete(id); // the message itself is pending now, until the server confirms it
          outgoing.result.catch((e: SendError) => this.onSendFailed(e));
          this.changed();
        })
        .catch((e: unknown) => {
          placeholder.failed = e instanceof ApiError ? e.code : "upload_failed";
          placeholder.progress = undefined;
          this.changed();
        });
    }
  }

  /**
   * A download URL of a media object, or undefined while it is being fetched (the view renders
   * again once it is there). URLs live a few minutes; one close to its end is fetched anew.
   */
  mediaUrl(mediaId: string, thumbnail = false): string | undefined {
    const key = thumbnail ? `${mediaId}/thumbnail` : mediaId;
    const link = this.mediaLinks.get(key);
    if (link && link !== "loading" && link.expiresAt - Date.now() > 30_000) return link.url;
    if (link !== "loading") {
      this.mediaLinks.set(key, "loading");
      this.client.api.media
        .link(mediaId, thumbnail)
        .then((l) => this.mediaLinks.set(key, l))
        .catch(() => this.mediaLinks.delete(key))
        .finally(() => this.changed());
    }
    return link && link !== "loading" ? link.url : undefined;
  }

  edit(chatId: string, msgId: string, text: string): void {
    this.change(chatId, (to) => this.client.edit(to, msgId, text));
  }

  recall(chatId: string, msgId: string): void {
    this.change(chatId, (to) => this.client.recall(to, msgId));
  }

  react(chatId: string, msgId: string, emoji: string): void {
    const mine = this.fold.get(chatId, msgId)?.reactions.some((r) => r.emoji === emoji && r.mine) ?? false;
    this.change(chatId, (to) => this.client.react(to, msgId, emoji, !mine));
  }

  forward(fromChatId: string, msgId: string, toChatId: string): void {
    this.change(toChatId, (to) => this.client.forward(to, { conversationId: fromChatId, msgId }));
  }

  async deleteForMe(chatId: string, msgId: string): Promise<void> {
    await this.client.deleteForMe(chatId, msgId);
    this.fold.applyEvent({ type: "event", kind: "message.deleted", data: { conversationId: chatId, msgId } });
    this.changed();
  }

  async toggle(chatId: string, setting: "muted" | "pinned"): Promise<void> {
    const chat = this.chats.get(chatId);
    if (!chat) return;
    const after = await this.client.setConversationSettings(chatId, { [setting]: !chat[setting] });
    Object.assign(chat, { muted: after.muted, pinned: after.pinned });
    this.changed();
  }

  targetOf(chat: Chat): { groupId: number } | { userId: number } {
    return chat.kind === "group" ? { groupId: chat.groupId! } : { userId: chat.peerId! };
  }

  markRead(chatId: string): void {
    const chat = this.chats.get(chatId);
    if (!chat || chat.lastSeq === 0 || chat.readSeq >= chat.lastSeq || chat.left) return;
    chat.readSeq = chat.lastSeq;
    chat.unread = 0;
    chat.unreadMentions = 0;
    this.client.markRead(chatId, chat.lastSeq).catch(() => {});
    this.changed();
  }

  displayName(userId: number): string {
    if (userId === this.me?.id) return "You";
    const p = this.people.get(userId);
    if (!p) void this.person(userId);
    return p?.name ?? `User ${userId}`;
  }

  titleOf(chat: Chat): string {
    if (chat.kind === "group") return chat.groupName ?? `Group ${chat.groupId}`;
    return this.displayName(chat.peerId!);
  }

  /** Pinned chats first, then by last activity. */
  sortedChats(): Chat[] {
    return [...this.chats.values()].sort(
      (a, b) => Number(b.pinned) - Number(a.pinned) || b.lastActivity - a.lastActivity,
    );
  }

  // ---- events --------------------------------------------------------------------------------------

  private onMessage(m: MsgFrame, clientMsgId?: string): void {
    this.fold.apply(m);
    if (m.conversationId.startsWith("u_")) {
      this.changed(); // my own deletes and clears, from another device
      return;
    }
    const chat = this.ensureChat(m.conversationId);
    this.store(chat, m);
    if (clientMsgId) chat.pending.delete(clientMsgId);
    const kind = m.body?.kind ?? "text";
    const mine = m.from.userId === this.me?.id && kind !== "system";
    if (m.seq > chat.lastSeq) {
      chat.lastSeq = m.seq;
      if (mine) {
        chat.readSeq = Math.max(chat.readSeq, m.seq);
        chat.unread = 0;
        chat.unreadMentions = 0;
      } else if (isContent(kind) && m.seq > chat.readSeq) {
        chat.unread += 1; // only texts and media of others count (docs/api.md#my-conversations)
        if (m.body?.mentions?.some((u) => u === "all" || u === this.me?.id)) chat.unreadMentions += 1;
      }
    }
    chat.lastActivity = Math.max(chat.lastActivity, m.ts);
    if (kind === "system") this.applySystem(chat, m);
    void this.person(m.from.userId);
    if (this.active === chat.id && document.visibilityState === "visible") this.markRead(chat.id);
    this.changed();
  }

  private onOutgoing(o: {
    clientMsgId: string;
    conversationId: string;
    text: string;
    body?: { kind: string; fileName?: string };
    createdAt: number;
  }): void {
    if (o.body && !isContent(o.body.kind)) return; // a change shows when it is confirmed
    const chat = this.ensureChat(o.conversationId);
    const text = o.body && o.body.kind !== "text" ? `${o.body.kind === "image" ? "🖼" : "📎"} ${o.body.fileName ?? ""} ${o.text}`.trim() : o.text;
    chat.pending.set(o.clientMsgId, { clientMsgId: o.clientMsgId, text, createdAt: o.createdAt });
    chat.lastActivity = Math.max(chat.lastActivity, o.createdAt);
    this.changed();
  }

  private onSendFailed(e: SendError): void {
    for (const chat of this.chats.values()) {
      const p = chat.pending.get(e.clientMsgId);
      if (p) p.failed = e.code;
    }
    this.changed();
  }

  /** Group changes come as system messages: keep the name and membership current. */
  private applySystem(chat: Chat, m: MsgFrame): void {
    try {
      const event = JSON.parse(m.body?.text ?? "") as { event: string; name?: string; userIds?: number[] };
      if ((event.event === "group.created" || event.event === "group.renamed") && event.name) chat.groupName = event.name;
      const me = this.me?.id;
      if (event.event === "group.dissolved") chat.left = true;
      if ((event.event === "member.left" || event.event === "member.kicked") && me && event.userIds?.includes(me)) chat.left = true;
      if (event.event === "members.joined" && me && event.userIds?.includes(me)) chat.left = false;
      const roles = ["admin.added", "admin.removed", "owner.transferred"];
      if (roles.includes(event.event) && !chat.left) void this.loadGroupName(chat); // my role may have changed
    } catch {
      // an event this client does not know
    }
  }

  // ---- bookkeeping ---------------------------------------------------------------------------------

  private adopt(view: ConversationView): void {
    const chat = this.ensureChat(view.conversationId);
    chat.lastSeq = view.lastSeq;
    chat.readSeq = view.readSeq;
    chat.unread = view.unread;
    chat.unreadMentions = view.unreadMentions ?? 0;
    chat.muted = Boolean(view.muted);
    chat.pinned = Boolean(view.pinned);
    chat.left = Boolean(view.left);
    if (view.peer) chat.peerReadSeq = Math.max(chat.peerReadSeq, view.peer.readSeq);
    if (view.group) chat.groupName = view.group.name;
    if (view.lastMessage) {
      this.store(chat, view.lastMessage);
      chat.lastActivity = view.lastMessage.ts;
      void this.person(view.lastMessage.from.userId);
    }
  }

  private ensureChat(id: string): Chat {
    let chat = this.chats.get(id);
    if (chat) return chat;
    const target = targetOf(this.me!.id, id);
    chat = {
      id,
      kind: "groupId" in target ? "group" : "direct",
      peerId: "userId" in target ? target.userId : undefined,
      groupId: "groupId" in target ? target.groupId : undefined,
      messages: new Map(),
      pending: new Map(),
      lastSeq: 0,
      readSeq: 0,
      peerReadSeq: 0,
      unread: 0,
      unreadMentions: 0,
      muted: false,
      pinned: false,
      left: false,
      typingUntil: 0,
      oldestLoaded: null,
      historyComplete: false,
      lastActivity: 0,
    };
    this.chats.set(id, chat);
    if (chat.kind === "group" && !chat.groupName) void this.loadGroupName(chat);
    if (chat.peerId) void this.person(chat.peerId);
    return chat;
  }

  /** Keeps the chat's messages (not the entries that change them) and folds everything. */
  private store(chat: Chat, m: MsgFrame): void {
    this.fold.apply(m);
    if (!CHANGE_KINDS.has(m.body?.kind ?? "text")) chat.messages.set(m.seq, m);
  }

  /** The group's name and my role (owner and admins are listed first, so one page finds a manager). */
  private async loadGroupName(chat: Chat): Promise<void> {
    try {
      const { group, members } = await this.client.api.groups.get(chat.groupId!, 0, 50);
      chat.groupName = group.name;
      const me = members.items.find((m) => m.userId === this.me?.id);
      chat.myRole = me ? me.role : "member";
      this.changed();
    } catch {
      // a group this user left: the name comes with the conversation list
    }
  }

  remember(peer: { userId: number; username: string | null; nickname: string | null; avatar: string | null }): void {
    if (peer.username === null && this.people.has(peer.userId)) return; // user-service was down: keep what we know
    this.people.set(peer.userId, {
      userId: peer.userId,
      name: peer.nickname || peer.username || `User ${peer.userId}`,
      username: peer.username,
      avatar: peer.avatar,
    });
  }

  /** Profiles are fetched once per user and cached. */
  person(userId: number): Promise<void> {
    if (this.people.has(userId) || !this.me) return Promise.resolve();
    let lookup = this.lookups.get(userId);
    if (!lookup) {
      lookup = this.client.api.users
        .get(userId)
        .then((p) => {
          this.remember({ userId: p.id, username: p.username, nickname: p.nickname, avatar: p.avatar });
          this.changed();
        })
        .catch(() => {});
      this.lookups.set(userId, lookup);
    }
    return lookup;
  }
}
