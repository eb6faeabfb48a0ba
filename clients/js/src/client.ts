import { ImApi } from "./api.js";
import { Backoff, type BackoffOptions } from "./backoff.js";
import { Conversations } from "./conversations.js";
import { Emitter } from "./emitter.js";
import { Heartbeat } from "./heartbeat.js";
import { ApiError, fetchHttp, type Http } from "./http.js";
import { codePointLength, conversationIdOf, newClientMsgId } from "./ids.js";
import { Session, type DeviceType } from "./session.js";
import { Outbox, SendError, type Outgoing, type Pending } from "./outbox.js";
import { memoryStorage, type KeyValueStorage } from "./storage.js";
import { SyncRunner } from "./sync.js";
import { webSocketTransport, type Socket, type Transport } from "./transport.js";
import {
  fetchUploader,
  uploadMedia,
  xhrUploader,
  type MediaData,
  type Uploader,
  type UploadOptions,
} from "./media.js";
import type {
  MessageBody,
  SendBody,
  ConnectionState,
  ErrorFrame,
  EventFrame,
  MediaKind,
  MediaView,
  MsgFrame,
  PushDevice,
  PushRegistration,
  ReceiptFrame,
  SentFrame,
  ServerFrame,
  SocialEvent,
  SyncPageFrame,
  Target,
} from "./types.js";

export { SendError, type Outgoing } from "./outbox.js";

export interface ImClientOptions {
  /** the gateway, e.g. `http://localhost:8080` (in a browser app served by it: `location.origin`) */
  baseUrl: string;
  /** default: `baseUrl` with ws(s):// and `/ws` */
  webSocketUrl?: string;
  /** stable per device (install); a second login with the same id ends the older session */
  deviceId: string;
  deviceType?: DeviceType;
  transport?: Transport;
  http?: Http;
  /** keeps the session and unsent messages across restarts (e.g. `localStorage`); default: memory */
  storage?: KeyValueStorage;
  storageKey?: string;
  /**
   * Where a conversation the app holds nothing of starts: "latest" (default) takes each
   * conversation's last seq from the conversation list at connect, older messages come from
   * `api.conversations.history`; "beginning" syncs whole histories.
   */
  startFrom?: "latest" | "beginning";
  /** cursors the app kept from an earlier run (conversation id -> last seq it holds) */
  cursors?: Record<string, number>;
  backoff?: BackoffOptions;
  /** ping period (default 30 s; the server closes after 90 s of silence and asks for a ping every third of it) */
  heartbeatMs?: number;
  /** no frame this long after a ping: the connection is dead (default 10 s) */
  pongTimeoutMs?: number;
  /** no `sent` this long after a send: send it again with the same clientMsgId (default 10 s) */
  sendTimeoutMs?: number;
  /** a WebSocket handshake not done after this long is abandoned and retried (default 15 s) */
  connectTimeoutMs?: number;
  /** no `sync.page` this long: reconnect (default 15 s) */
  syncTimeoutMs?: number;
  syncLimit?: number;
  maxTextLength?: number;
  /** reconnect at once when the browser reports the network back (default: on where `window` exists) */
  watchNetwork?: boolean;
  /** how media bytes are PUT (default: XMLHttpRequest in browsers, for progress; else fetch; `uniAppUploader(uni)`) */
  uploader?: Uploader;
}

/** Options of `sendImage`, `sendFile` and `sendMedia`: the upload's, and the message's caption. */
export interface MediaSendOptions extends UploadOptions {
  caption?: string;
  clientMsgId?: string;
}

export type MessageSource = "push" | "sync" | "sent";

export interface MessageInfo {
  /** sent by this user (from this or another device) */
  own: boolean;
  source: MessageSource;
  /** the clientMsgId when this device sent it */
  clientMsgId?: string;
}

export interface ImClientEvents {
  /** each message of a conversation once, in seq order (pushes, own sends confirmed, sync) */
  message: (message: MsgFrame, info: MessageInfo) => void;
  /** a send entered the outbox (also resends restored from storage) */
  outgoing: (outgoing: Omit<Outgoing, "result">) => void;
  /** a send was refused for good (not_friends, blocked, muted, ...) */
  sendFailed: (error: SendError) => void;
  receipt: (receipt: ReceiptFrame) => void;
  presence: (presence: { userId: number; online: boolean }) => void;
  typing: (typing: { conversationId: string; userId: number }) => void;
  /** friend.request.received / accepted / declined / cancelled (deduplicated) */
  friendRequest: (event: SocialEvent) => void;
  /** every social-graph event, friend requests included (deduplicated) */
  social: (event: SocialEvent) => void;
  /** any `event` frame, also kinds this SDK does not know */
  event: (event: EventFrame) => void;
  /**
   * the connection was ended for good and the SDK stops reconnecting: `code` is
   * "connected_elsewhere" (close 4001), or why the device session was revoked (close 4003:
   * "logout", "refresh_reuse", "replaced", "revoked"), after which `sessionExpired` follows
   */
  kicked: (reason: string, code: string) => void;
  state: (state: ConnectionState) => void;
  /** caught up after a (re)connect: every stored message up to now was delivered */
  synced: () => void;
  /** the refresh token stopped working: log in again */
  sessionExpired: () => void;
  /** an `error` frame not about a send (about a read, sync, or the connection) */
  error: (error: ErrorFrame) => void;
}

const CLOSE_KICKED = 4001;
/** the device session was revoked: log in again */
const CLOSE_SESSION_REVOKED = 4003;
/** the access token expired on the open socket: refresh and reconnect (open() refreshes it) */
const CLOSE_TOKEN_EXPIRED = 4004;

/**
 * A ChatForge IM client: log in, connect, and get every message once and in order, whatever the
 * network does. See README.md in this package for a tour. It runs the connection (open, close,
 * reconnect with back-off, liveness) and hands frames to its parts: `Session` (tokens and their
 * renewal), `Outbox` (sends until confirmed), `SyncRunner` (what was missed), `Conversations`
 * (order, dedup and acks) and `Transport` (the socket).
 */
export class ImClient extends Emitter<ImClientEvents> {
  readonly api: ImApi;
  readonly session: Session;

  private readonly transport: Transport;
  private readonly backoff: Backoff;
  private readonly conversations: Conversations;
  private readonly outbox: Outbox;
  private readonly sync: SyncRunner;
  private readonly heartbeat: Heartbeat;
  private readonly seenEvents = new Set<string>();
  private readonly typingSentAt = new Map<number, number>();

  private socket: Socket | null = null;
  private generation = 0;
  private current: ConnectionState = "disconnected";
  private wanted = false;
  private kickedFlag = false;
  private opened = false;
  private failuresBeforeOpen = 0;
  private openStartedAt = 0;
  private tick: ReturnType<typeof setInterval> | null = null;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private unwatchNetwork: (() => void) | null = null;
  private foreground = true;

  constructor(private readonly options: ImClientOptions) {
    super();
    const storage: KeyValueStorage = options.storage ?? memoryStorage();
    const storageKey = options.storageKey ?? "chatforge.im";
    this.transport = options.transport ?? webSocketTransport();
    this.backoff = new Backoff(options.backoff);
    this.heartbeat = new Heartbeat(options.heartbeatMs ?? 30_000, options.pongTimeoutMs ?? 10_000);
    this.conversations = new Conversations(options.cursors, options.startFrom === "beginning");
    this.outbox = new Outbox(storage, storageKey, (entry) => this.emit("outgoing", entry));
    this.sync = new SyncRunner(
      (frame) => this.write(frame),
      options.syncLimit ?? 200,
      () => this.socket !== null && this.opened,
      () => this.conversations.snapshot(),
    );
    this.session = new Session({
      baseUrl: options.baseUrl.replace(/\/$/, ""),
      http: options.http ?? fetchHttp(),
      storage,
      storageKey,
      deviceId: options.deviceId,
      deviceType: options.deviceType ?? "web",
      onExpired: () => {
        this.disconnect();
        this.emit("sessionExpired");
      },
      // a refreshed token extends the open connection in band, before the old one expires
      onTokens: (tokens) => this.renewInBand(tokens.accessToken),
    });
    this.api = new ImApi(this.session);
  }

  get state(): ConnectionState {
    return this.current;
  }

  get userId(): number | null {
    return this.session.userId;
  }

  register(username: string, password: string, nickname?: string) {
    return this.session.register(username, password, nickname);
  }

  async login(username: string, password: string): Promise<number> {
    const userId = await this.session.login(username, password);
    this.outbox.restore(userId);
    return userId;
  }

  /** Logs this device out and stops the connection; unsent messages are dropped (their results fail). */
  async logout(): Promise<void> {
    this.disconnect();
    const userId = this.userId;
    await this.session.logout();
    this.outbox.discard(
      userId,
      (clientMsgId) => new SendError("logged_out", "logged out before the server confirmed it", clientMsgId),
    );
  }

  /** Stops everything for good: the connection and the token refresh timer. The stored session stays. */
  close(): void {
    this.disconnect();
    this.session.dispose();
  }

  /**
   * Starts the connection and keeps it up until `disconnect()`: reconnects with back-off, syncs
   * after every (re)connect, resends what was not confirmed.
   */
  connect(): void {
    if (!this.session.loggedIn) throw new ApiError(401, "not_logged_in", "log in first", null);
    if (this.wanted) return;
    this.wanted = true;
    this.kickedFlag = false;
    this.outbox.restore(this.userId);
    this.watchNetwork();
    this.tick = setInterval(() => this.onTick(), 1000);
    void this.open();
  }

  /** Closes the connection and stops reconnecting. Unsent messages stay in the outbox. */
  disconnect(): void {
    this.wanted = false;
    this.stopTimers();
    this.unwatchNetwork?.();
    this.unwatchNetwork = null;
    this.dropSocket(1000, "bye");
    this.setState(this.kickedFlag ? "kicked" : "disconnected");
  }

  /** Skips the back-off (e.g. when the app comes to the foreground or the network is back). */
  reconnectNow(): void {
    if (!this.wanted || this.kickedFlag || this.current === "connecting") return;
    this.backoff.reset();
    if (this.socket && this.current !== "waiting") return;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    void this.open();
  }

  /**
   * Sends a text: it is kept (also across restarts, with `storage`) and sent again with the same
   * clientMsgId until the server confirms it, so it is stored exactly once. `replyTo` quotes a
   * message of the conversation; `mentions` names members (or `["all"]`, for a group's managers).
   */
  send(
    to: Target,
    text: string,
    options: { clientMsgId?: string; replyTo?: string; mentions?: (number | "all")[] } = {},
  ): Outgoing {
    const body: SendBody | undefined =
      options.replyTo === undefined && options.mentions === undefined
        ? undefined
        : {
            kind: "text",
            text,
            ...(options.replyTo === undefined ? {} : { replyTo: options.replyTo }),
            ...(options.mentions === undefined ? {} : { mentions: options.mentions }),
          };
    return this.submit(to, text, body, options.clientMsgId, true);
  }

  /** Replaces the text of my message `msgId` (within the server's edit window, 48 h by default). */
  edit(to: Target, msgId: string, text: string): Outgoing {
    return this.submit(to, text, { kind: "edit", target: msgId, text }, undefined, true);
  }

  /** Takes back a message: mine within the recall window (2 min), any in a group I own or administer. */
  recall(to: Target, msgId: string): Outgoing {
    return this.submit(to, "", { kind: "recall", target: msgId }, undefined, false);
  }

  /** Adds (`on`) or takes away my `emoji` on a message: one emoji, once per user. */
  react(to: Target, msgId: string, emoji: string, on = true): Outgoing {
    return this.submit(to, "", { kind: "reaction", target: msgId, emoji, on }, undefined, false);
  }

  /** Sends a copy of a message I can read (`from`) to `to`. */
  forward(to: Target, from: { conversationId: string; msgId: string }): Outgoing {
    return this.submit(to, "", { kind: "forward", from }, undefined, false);
  }

  /**
   * Uploads a picture, file, voice or video (announce, PUT with retries, complete): the ready
   * media, to send with `sendUploaded`. `onProgress` reports the bytes sent.
   */
  uploadMedia(kind: MediaKind, data: MediaData, options: UploadOptions = {}): Promise<MediaView> {
    return uploadMedia(this.api, this.uploader(), kind, data, options);
  }

  /** Uploads and sends a picture; the upload's errors reject, the send's come in `result`. */
  sendImage(to: Target, data: MediaData, options: MediaSendOptions = {}): Promise<Outgoing> {
    return this.sendMedia(to, "image", data, options);
  }

  /** Uploads and sends a file (any type the server accepts for files; it downloads as an attachment). */
  sendFile(to: Target, data: MediaData, options: MediaSendOptions = {}): Promise<Outgoing> {
    return this.sendMedia(to, "file", data, options);
  }

  /** Uploads and sends media of any kind (voice: "audio", video: "video"). */
  async sendMedia(to: Target, kind: MediaKind, data: MediaData, options: MediaSendOptions = {}): Promise<Outgoing> {
    const media = await this.uploadMedia(kind, data, options);
    return this.sendUploaded(to, media, options.caption, options.clientMsgId);
  }

  /**
   * Sends media uploaded already (kept in the outbox like a text: resent until confirmed). The
   * body carries what was recorded, so the app shows it before the server's copy comes back.
   */
  sendUploaded(to: Target, media: MediaView, caption?: string, clientMsgId?: string): Outgoing {
    const { kind, mediaId, contentType, size, fileName, width, height, durationMs } = media;
    const body: SendBody = { kind, mediaId, contentType, size, fileName, width, height, durationMs };
    if (caption) body.caption = caption;
    return this.submit(to, caption ?? "", body, clientMsgId, false);
  }

  /** A short-lived URL of a media object (or a picture's thumbnail) for `<img src>`, `<video src>` or a link. */
  async mediaUrl(mediaId: string, options: { thumbnail?: boolean } = {}): Promise<string> {
    return (await this.api.media.link(mediaId, options.thumbnail === true)).url;
  }

  private uploader(): Uploader {
    if (this.options.uploader) return this.options.uploader;
    return typeof XMLHttpRequest !== "undefined" ? xhrUploader() : fetchUploader();
  }

  /**
   * Registers this device for push notifications while it has no live connection: an FCM or APNs
   * token (uni-app: from the push plugin), or a browser's Web Push subscription (see
   * `subscribeWebPush`). Call it again whenever the token or subscription changes.
   */
  registerPush(registration: PushRegistration): Promise<PushDevice> {
    return this.api.push.register(this.options.deviceId, registration);
  }

  /**
   * Tells the server whether the app is in the foreground: while it is in the background, this
   * device gets push notifications of new messages although it stays connected (browsers: on
   * `visibilitychange`; uni-app: `onAppHide`/`onAppShow`). Kept across reconnects.
   */
  setForeground(foreground: boolean): void {
    if (this.foreground === foreground) return;
    this.foreground = foreground;
    this.write({ type: "state", foreground });
  }

  /** Stops push notifications to this device (e.g. at logout, before `logout()`). */
  unregisterPush(): Promise<void> {
    return this.api.push.unregister(this.options.deviceId);
  }

  /**
   * Browsers: subscribes this service worker registration to Web Push with the server's VAPID key
   * and registers the subscription. Ask for notification permission first (from a user gesture).
   */
  async subscribeWebPush(worker: ServiceWorkerRegistration, options: { preview?: boolean; locale?: string } = {}): Promise<PushDevice> {
    const key = await this.api.push.webPushKey();
    const existing = await worker.pushManager.getSubscription();
    const subscription =
      existing ?? (await worker.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: base64UrlToBytes(key) }));
    const json = subscription.toJSON() as { endpoint: string; keys: { p256dh: string; auth: string } };
    return this.registerPush({
      provider: "webpush",
      subscription: { endpoint: json.endpoint, keys: { p256dh: json.keys.p256dh, auth: json.keys.auth } },
      ...options,
    });
  }

  /** Deletes a message for me only; my other devices hear of it at once or at their next sync. */
  deleteForMe(conversationId: string, msgId: string): Promise<void> {
    return this.api.conversations.deleteMessage(conversationId, msgId);
  }

  /** Clears a conversation for me: its history starts after the seq returned. */
  async clear(conversationId: string): Promise<number> {
    return (await this.api.conversations.clear(conversationId)).clearedThroughSeq;
  }

  /** Mutes or pins a conversation, for me (absent: unchanged). */
  setConversationSettings(conversationId: string, change: { muted?: boolean; pinned?: boolean }) {
    return this.api.conversations.settings(conversationId, change);
  }

  private submit(
    to: Target,
    text: string,
    body: SendBody | undefined,
    givenClientMsgId: string | undefined,
    needsText: boolean,
  ): Outgoing {
    const me = this.userId;
    const clientMsgId = givenClientMsgId ?? newClientMsgId();
    const createdAt = Date.now();
    const conversationId = me === null ? "" : conversationIdOf(me, to);
    const base = body === undefined
      ? { clientMsgId, conversationId, to, text, createdAt }
      : { clientMsgId, conversationId, to, text, body, createdAt };
    const limit = this.options.maxTextLength ?? 4096;
    const problem =
      me === null
        ? ["not_logged_in", "log in first"]
        : needsText && (typeof text !== "string" || text.length === 0)
          ? ["missing_field", "the text is empty"]
          : codePointLength(text) > limit
            ? ["text_too_long", `at most ${limit} characters`]
            : null;
    if (problem) {
      const result = Promise.reject(new SendError(problem[0], problem[1], clientMsgId));
      result.catch(() => {});
      return { ...base, result };
    }
    this.outbox.restore(me); // a send before login()/connect() after a restart must not overwrite the saved outbox
    const { pending, result } = this.outbox.add(me!, base);
    this.emit("outgoing", base);
    if (this.current === "online") this.transmit(pending);
    return { ...base, result };
  }

  /** Messages not yet confirmed by the server, oldest first. */
  unsent(): Omit<Outgoing, "result">[] {
    this.outbox.restore(this.userId);
    return this.outbox.unsent();
  }

  /** "I have read up to seq": tells the peer (receipt) and my other devices. */
  async markRead(conversationId: string, seq: number): Promise<void> {
    if (this.current === "online" && this.socket) {
      this.write({ type: "read", conversationId, seq, ref: `read-${conversationId}-${seq}` });
    } else {
      await this.api.conversations.read(conversationId, seq);
    }
  }

  /** Tells a friend that I am typing; at most every 3 s per friend, dropped while offline. */
  typing(userId: number): void {
    const now = Date.now();
    if (this.current !== "online" || now - (this.typingSentAt.get(userId) ?? 0) < 3000) return;
    this.typingSentAt.set(userId, now);
    this.write({ type: "typing", to: { userId } });
  }

  /** The last seq of a conversation delivered to the app. */
  cursorOf(conversationId: string): number {
    return this.conversations.cursorOf(conversationId);
  }

  /** Starts conversations at these seqs (e.g. from a conversation list the app loaded). */
  seed(cursors: Record<string, number>): void {
    this.conversations.seed(cursors);
  }

  // ---- connection ------------------------------------------------------------------------------

  private async open(): Promise<void> {
    if (!this.wanted) return;
    this.setState("connecting");
    let token: string;
    try {
      if (this.failuresBeforeOpen >= 2) await this.session.refresh(); // a revoked or rejected token
      token = await this.session.accessToken(60_000);
      await this.conversations.seedOnce(this.api);
    } catch (e) {
      if (!this.session.loggedIn) return; // sessionExpired was emitted
      this.scheduleReconnect();
      return;
    }
    if (!this.wanted || this.socket) return;
    const generation = ++this.generation;
    this.opened = false;
    this.openStartedAt = Date.now();
    this.socket = this.transport.open(this.webSocketUrl(), token, {
      onOpen: () => generation === this.generation && this.onOpen(),
      onMessage: (text) => generation === this.generation && this.onText(text),
      onClose: (code, reason) => generation === this.generation && this.onClose(code, reason),
    });
  }

  private onOpen(): void {
    this.opened = true;
    this.heartbeat.reset();
    this.failuresBeforeOpen = 0;
    this.setState("syncing");
    this.ping();
    // the server forgets it at every connect: a backgrounded app says so again
    if (!this.foreground) this.write({ type: "state", foreground: false });
    this.sync.start();
  }

  private onClose(code: number, _reason: string): void {
    this.socket = null;
    this.generation++; // late callbacks of that socket are ignored
    this.sync.connectionLost();
    if (!this.opened) this.failuresBeforeOpen++;
    this.outbox.connectionLost();
    if (code === CLOSE_KICKED || code === CLOSE_SESSION_REVOKED || this.kickedFlag) {
      if (!this.kickedFlag) {
        // no event frame came first
        if (code === CLOSE_SESSION_REVOKED) this.emit("kicked", "the session was ended", "revoked");
        else this.emit("kicked", "this device connected again elsewhere", "connected_elsewhere");
      }
      this.kickedFlag = true;
      this.wanted = false;
      this.stopTimers();
      this.setState("kicked");
      if (code === CLOSE_SESSION_REVOKED) this.session.expire();
      return;
    }
    if (code === CLOSE_TOKEN_EXPIRED) this.backoff.reset(); // not the server's trouble: refresh and reconnect now
    if (this.wanted) this.scheduleReconnect();
    else this.setState("disconnected");
  }

  private scheduleReconnect(): void {
    if (!this.wanted) return;
    this.setState("waiting");
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      void this.open();
    }, this.backoff.next());
  }

  /** Abandons the socket now: a dead connection's close handshake can take minutes. */
  private dropSocket(code: number, reason: string): void {
    const socket = this.socket;
    if (!socket) return;
    this.onClose(code === 1000 ? 1000 : 1006, reason);
    try {
      socket.close(code, reason);
    } catch {
      // already closed
    }
  }

  private onTick(): void {
    const now = Date.now();
    if (this.socket && !this.opened && now - this.openStartedAt > (this.options.connectTimeoutMs ?? 15_000)) {
      this.dropSocket(4000, "no answer to the handshake"); // a hung handshake would never end on its own
      return;
    }
    if (!this.socket || !this.opened) return;
    if (this.heartbeat.dead(now)) {
      this.dropSocket(4000, "no answer to ping");
      return;
    }
    if (this.sync.timedOut(now, this.options.syncTimeoutMs ?? 15_000)) {
      this.dropSocket(4000, "no answer to sync");
      return;
    }
    if (this.heartbeat.pingDue(now)) this.ping(); // only client frames keep the server's idle timer at bay
    for (const [conversationId, seq] of this.conversations.takeAcks()) this.write({ type: "ack", conversationId, seq });
    if (this.current === "online") {
      this.resendDue(now);
      this.sync.quietCheck(now, this.heartbeat.interval, this.conversations.hasGap());
    }
  }

  private ping(): void {
    this.heartbeat.pinged(Date.now());
    this.write({ type: "ping" });
  }

  // ---- frames from the server ------------------------------------------------------------------

  private onText(text: string): void {
    this.heartbeat.heard();
    let frame: ServerFrame;
    try {
      frame = JSON.parse(text);
    } catch {
      return; // not for us to crash on
    }
    switch (frame.type) {
      case "msg":
        this.deliver(this.conversations.accept(frame), "push");
        if (this.conversations.hasGap(frame.conversationId)) this.requestSync();
        break;
      case "sent":
        this.onSent(frame);
        break;
      case "sync.page":
        this.onSyncPage(frame);
        break;
      case "receipt":
        this.emit("receipt", frame);
        break;
      case "event":
        this.onEvent(frame);
        break;
      case "error":
        this.onError(frame);
        break;
      case "pong":
        this.heartbeat.adapt(frame.idleTimeoutMs);
        break;
      case "auth.ok":
        break; // the connection lives on with the new token
      default:
        break; // frame types of later versions
    }
  }

  private onSent(frame: SentFrame): void {
    const pending = this.outbox.get(frame.clientMsgId);
    const me = this.userId!;
    if (!pending) {
      // a repeated `sent`, or one for a send restored without its promise: sync finds the text
      if (frame.seq > this.conversations.cursorOf(frame.conversationId)) this.requestSync();
      return;
    }
    const message: MsgFrame = {
      type: "msg",
      conversationId: frame.conversationId,
      msgId: frame.msgId,
      seq: frame.seq,
      from: { userId: me, deviceId: this.session.deviceId },
      body: localBody(pending.body, pending.text),
      ts: frame.ts,
    };
    if (message.body?.kind === "forward") {
      // the copy's text is the original's, which only the server holds for sure: sync fetches it
      this.outbox.confirm(me, pending, message);
      this.requestSync();
      return;
    }
    this.outbox.confirm(me, pending, message);
    // my message may close a gap and release others' messages held behind it: those stay pushes
    for (const released of this.conversations.accept(message)) {
      this.deliver([released], released.msgId === message.msgId ? "sent" : "push", frame.clientMsgId);
    }
    if (this.conversations.hasGap(frame.conversationId)) this.requestSync();
  }

  private onError(frame: ErrorFrame): void {
    const pending = this.outbox.get(frame.ref);
    if (pending) {
      const failed = this.outbox.refused(this.userId!, pending, frame.code, frame.message, Date.now());
      if (failed) this.emit("sendFailed", failed);
      return;
    }
    if (frame.code === "invalid_token" && frame.ref?.startsWith("auth-")) {
      this.dropSocket(4000, "in-band renewal refused"); // reconnect with a refreshed token
      return;
    }
    if (this.sync.refused(frame.ref)) return;
    this.emit("error", frame);
  }

  private onEvent(frame: EventFrame): void {
    this.emit("event", frame);
    const data = frame.data ?? {};
    switch (frame.kind) {
      case "kicked":
        this.kickedFlag = true;
        this.emit(
          "kicked",
          String(data.reason ?? "this device connected again elsewhere"),
          String(data.code ?? "connected_elsewhere"),
        );
        break;
      case "presence":
        this.emit("presence", { userId: Number(data.userId), online: Boolean(data.online) });
        break;
      case "typing":
        this.emit("typing", { conversationId: String(data.conversationId), userId: Number(data.userId) });
        break;
      case "resync":
        // the server lost this device's route for a while (e.g. Redis flushed): pushes went nowhere
        this.requestSync();
        break;
      default:
        if (typeof data.eventId === "string" && typeof data.type === "string") this.onSocial(data as any);
    }
  }

  private onSocial(event: SocialEvent): void {
    if (this.seenEvents.has(event.eventId)) return; // delivered at least once
    this.seenEvents.add(event.eventId);
    if (this.seenEvents.size > 1000) this.seenEvents.delete(this.seenEvents.values().next().value!);
    if (event.type.startsWith("friend.request.")) this.emit("friendRequest", event);
    this.emit("social", event);
  }

  // ---- sync --------------------------------------------------------------------------------------

  private requestSync(): void {
    this.sync.request(this.current === "online");
  }

  private onSyncPage(page: SyncPageFrame): void {
    if (!this.sync.owns(page)) return; // an answer to a sync of an older connection
    this.deliver(this.conversations.applySyncPage(page), "sync");
    const wasSyncing = this.current !== "online";
    if (!this.sync.next(page, this.conversations.hasGap())) return;
    if (wasSyncing) {
      this.backoff.reset(); // only a connection that got this far counts as a success
      this.setState("online");
      this.emit("synced");
      this.resendDue(Date.now());
    }
  }

  private deliver(messages: MsgFrame[], source: MessageSource, clientMsgId?: string): void {
    const me = this.userId;
    for (const message of messages) {
      const own = message.from.userId === me && message.body?.kind !== "system";
      const info: MessageInfo = { own, source };
      if (clientMsgId && source === "sent" && message.from.deviceId === this.session.deviceId) info.clientMsgId = clientMsgId;
      if (source === "push") this.conversations.ack(message.conversationId, message.seq);
      this.emit("message", message, info);
    }
  }

  // ---- sending -----------------------------------------------------------------------------------

  private resendDue(now: number): void {
    for (const pending of this.outbox.due(now, this.generation, this.options.sendTimeoutMs ?? 10_000)) {
      this.transmit(pending);
    }
  }

  private transmit(pending: Pending): void {
    this.outbox.written(pending, this.generation, Date.now());
    this.write({
      type: "send",
      clientMsgId: pending.clientMsgId,
      to: pending.to,
      body: pending.body ?? { kind: "text", text: pending.text },
    });
  }

  /** Presents a fresh access token on the open connection so it outlives the old one. */
  private renewInBand(accessToken: string): void {
    if (!this.socket || !this.opened) return; // the next connection uses the new token anyway
    this.write({ type: "auth", ref: `auth-${Date.now()}`, token: accessToken });
  }

  private write(frame: Record<string, unknown>): void {
    if (!this.socket || !this.opened) return;
    try {
      this.socket.send(JSON.stringify(frame));
    } catch {
      this.dropSocket(4000, "send failed");
    }
  }

  // ---- bookkeeping -------------------------------------------------------------------------------

  private webSocketUrl(): string {
    return this.options.webSocketUrl ?? this.options.baseUrl.replace(/^http/, "ws").replace(/\/$/, "") + "/ws";
  }

  private watchNetwork(): void {
    const w = (globalThis as any).window;
    if (this.options.watchNetwork === false || !w?.addEventListener || this.unwatchNetwork) return;
    const offline = () => this.wanted && this.dropSocket(4000, "network offline");
    const online = () => this.reconnectNow();
    w.addEventListener("offline", offline);
    w.addEventListener("online", online);
    this.unwatchNetwork = () => {
      w.removeEventListener("offline", offline);
      w.removeEventListener("online", online);
    };
  }

  private stopTimers(): void {
    if (this.tick) clearInterval(this.tick);
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.sync.stop();
    this.tick = this.reconnectTimer = null;
  }

  private setState(state: ConnectionState): void {
    if (state === this.current) return;
    this.current = state;
    this.emit("state", state);
  }
}

/** My own message as the app gets it on `sent`: a reply's quote names its target (the rest comes by sync). */
function localBody(body: SendBody | undefined, text: string): MessageBody {
  if (body === undefined) return { kind: "text", text };
  const { replyTo, ...rest } = body;
  return replyTo === undefined ? rest : { ...rest, replyTo: { msgId: replyTo } };
}

function base64UrlToBytes(value: string): Uint8Array<ArrayBuffer> {
  const base64 = value.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(value.length / 4) * 4, "=");
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
