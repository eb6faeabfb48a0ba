/**
 * The wire types of ChatForge IM (docs/protocol.md and docs/api.md). Ids of messages are strings
 * (they exceed 2^53); user, group and sequence numbers are plain numbers.
 */

/** Where a message goes: a friend or a group. */
export type Target = { userId: number } | { groupId: number };

/**
 * A message's content (docs/protocol.md#message-lifecycle). `kind`: "text" for what users send
 * (forwards too), "image", "file", "audio", "video" for media (docs/protocol.md#media-messages), "system" for a group change (text is then a JSON object as a string), "edit",
 * "recall", "reaction" for a change of the message `target`, "delete" and "clear" in the user's
 * own conversation `u_<id>` only.
 */
export interface MessageBody {
  kind: string;
  text?: string;
  replyTo?: { msgId: string; seq?: number | null; fromUserId?: number | null; preview?: string | null };
  mentions?: (number | "all")[];
  forwarded?: { fromUserId: number };
  target?: string;
  targetSeq?: number;
  emoji?: string;
  on?: boolean;
  from?: { conversationId: string; msgId: string };
  conversationId?: string;
  clearedThroughSeq?: number;
  /** media kinds ("image", "file", "audio", "video"): the object, as media-service recorded it */
  mediaId?: string;
  contentType?: string;
  size?: number;
  fileName?: string;
  width?: number;
  height?: number;
  durationMs?: number;
  caption?: string;
}

/** A media message's object as media-service recorded it (flat in `MessageBody`). */
export type MediaObject = Required<Pick<MessageBody, "mediaId" | "contentType" | "size" | "fileName">> &
  Pick<MessageBody, "width" | "height" | "durationMs">;

/** A device's push registration (docs/api.md#push-notifications): a token, or a browser's subscription. */
export type PushRegistration = (
  | { provider: "webpush"; subscription: { endpoint: string; keys: { p256dh: string; auth: string } } }
  | { provider: "fcm" | "apns"; token: string }
) & { preview?: boolean; locale?: string };

/** A registration as the server shows it: never the token or the keys. */
export interface PushDevice {
  deviceId: string;
  provider: "webpush" | "fcm" | "apns";
  endpointHost?: string;
  preview: boolean;
  locale?: string;
  updatedAt: number;
}

/** A push notification's payload (Web Push: the decrypted data of the push event). */
export interface PushPayload {
  type: "msg";
  conversationId: string;
  msgId: string;
  seq: number;
  fromUserId: number;
  title: string;
  body: string;
  badge: number;
}

/** What an upload is (docs/api.md#media). */
export type MediaKind = "image" | "file" | "audio" | "video";

/** `POST /api/media`'s answer: where to PUT the bytes, with which headers, until when. */
export interface UploadTicket {
  mediaId: string;
  upload: { method: "PUT"; url: string; headers: Record<string, string> };
  expiresAt: number;
}

/** A completed upload, ready to be sent. */
export interface MediaView {
  mediaId: string;
  kind: MediaKind;
  contentType: string;
  size: number;
  fileName: string;
  width?: number;
  height?: number;
  durationMs?: number;
  thumbnail: boolean;
  status: "ready";
}

/** A `send` frame's body (docs/protocol.md#message-lifecycle): `replyTo` is the quoted message's id. */
export type SendBody = Omit<MessageBody, "replyTo"> & { replyTo?: string };

/** One emoji on a message: how many, whether I am among them, the first 20 who. */
export interface Reaction {
  emoji: string;
  count: number;
  mine: boolean;
  userIds: number[];
}

export interface MsgFrame {
  type: "msg";
  conversationId: string;
  msgId: string;
  seq: number;
  from: { userId: number; deviceId: string };
  /** null once the message was recalled (`recalled: true`) */
  body: MessageBody | null;
  ts: number;
  /** history and sync only: a text's state folded in */
  edited?: { text: string; at: number };
  recalled?: boolean;
  reactions?: Reaction[];
}

export interface SentFrame {
  type: "sent";
  clientMsgId: string;
  conversationId: string;
  msgId: string;
  seq: number;
  ts: number;
}

export interface ReceiptFrame {
  type: "receipt";
  conversationId: string;
  readerId: number;
  seq: number;
}

export interface SyncPageFrame {
  type: "sync.page";
  ref: string;
  messages: MsgFrame[];
  cursors: Record<string, number>;
  hasMore: boolean;
}

export interface EventFrame {
  type: "event";
  kind: string;
  data: Record<string, unknown>;
}

export interface ErrorFrame {
  type: "error";
  code: string;
  message: string;
  ref: string | null;
}

export interface PongFrame {
  type: "pong";
  ts: number;
  /** the server's idle timeout: ping at least every third of it (absent on older servers) */
  idleTimeoutMs?: number;
}

/** The answer to an in-band `auth` frame: the connection now lives until `expiresAt` (epoch ms). */
export interface AuthOkFrame {
  type: "auth.ok";
  ref: string | null;
  expiresAt: number;
}

export type ServerFrame =
  | MsgFrame
  | SentFrame
  | ReceiptFrame
  | SyncPageFrame
  | EventFrame
  | ErrorFrame
  | PongFrame
  | AuthOkFrame;

/** A social-graph event (docs/events.md), pushed as `event {kind: data.type}`. */
export interface SocialEvent {
  version: number;
  type: string;
  eventId: string;
  userId: number;
  otherUserId: number;
  requestId: number | null;
  message?: string | null;
  occurredAt: string;
  /** the pair's version after the change (friend-service counts every change of a pair) */
  pairVersion?: number;
}

export interface TokenResponse {
  accessToken: string;
  refreshToken: string;
  tokenType: string;
  /** seconds the access token lives */
  expiresIn: number;
  userId: number;
}

export interface RegistrationResponse {
  userId: number;
  username: string;
}

export interface Profile {
  id: number;
  username: string;
  nickname: string;
  avatar: string | null;
  createdAt: string;
}

export interface Peer {
  userId: number;
  username: string | null;
  nickname: string | null;
  avatar: string | null;
}

export interface Page<T> {
  items: T[];
  page: number;
  size: number;
  hasNext: boolean;
}

export interface FriendRequest {
  id: number;
  fromUserId: number;
  toUserId: number;
  message: string | null;
  status: "pending" | "accepted" | "declined" | "cancelled";
  createdAt: string;
  updatedAt: string;
  peer: Peer;
}

export interface Friend {
  user: Peer;
  since: string;
  online: boolean;
}

export interface GroupSummary {
  groupId: number;
  name: string;
  avatar: string | null;
}

export interface Conversation {
  conversationId: string;
  kind: "direct" | "group";
  /** direct chats: the other person and how far they have read */
  peer?: { userId: number; readSeq: number };
  group?: GroupSummary;
  lastSeq: number;
  readSeq: number;
  unread: number;
  /** unread messages that mention me (or all) */
  unreadMentions: number;
  muted: boolean;
  pinned: boolean;
  left?: boolean;
  lastMessage: MsgFrame | null;
}

export interface Group {
  groupId: number;
  conversationId: string;
  name: string;
  avatar: string | null;
  ownerId: number;
  memberCount: number;
  memberLimit: number;
  [key: string]: unknown;
}

export interface GroupMember {
  userId: number;
  role: "owner" | "admin" | "member";
  [key: string]: unknown;
}

/** The connection as the app should show it. */
export type ConnectionState =
  | "disconnected" // not started, or stopped by disconnect()/logout()
  | "connecting" // opening the socket (first time or after a drop)
  | "syncing" // open, fetching what was missed
  | "online" // caught up; pushes arrive live
  | "waiting" // dropped, reconnecting after a back-off
  | "kicked"; // this device connected elsewhere: not reconnecting
