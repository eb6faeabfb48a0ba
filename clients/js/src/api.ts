import type { Session } from "./session.js";
import type {
  Conversation,
  Friend,
  FriendRequest,
  Group,
  GroupMember,
  MediaKind,
  MediaView,
  MsgFrame,
  PushDevice,
  PushRegistration,
  Page,
  Profile,
  SyncPageFrame,
  UploadTicket,
} from "./types.js";

function query(params: Record<string, string | number | undefined>): string {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return parts.length ? `?${parts.join("&")}` : "";
}

const id = (value: string | number) => encodeURIComponent(String(value));

/** The REST API (docs/api.md), authorised with the session's token. Errors are `ApiError`s. */
export class ImApi {
  constructor(private readonly session: Session) {}

  private get<T>(path: string): Promise<T> {
    return this.session.call<T>("GET", path, undefined, true);
  }

  private send<T>(method: string, path: string, body?: unknown): Promise<T> {
    return this.session.call<T>(method, path, body, true);
  }

  readonly users = {
    me: () => this.get<Profile>("/api/users/me"),
    updateMe: (change: { nickname?: string; avatar?: string | null }) =>
      this.send<Profile>("PATCH", "/api/users/me", change),
    get: (userId: number) => this.get<Profile>(`/api/users/${id(userId)}`),
    search: (text: string, page = 0, size = 20) =>
      this.get<Page<Profile>>(`/api/users${query({ query: text, page, size })}`),
  };

  readonly friends = {
    list: (page = 0, size = 100) => this.get<Page<Friend>>(`/api/friends${query({ page, size })}`),
    remove: (userId: number) => this.send<void>("DELETE", `/api/friends/${id(userId)}`),
    request: (toUserId: number, message?: string) =>
      this.send<FriendRequest>("POST", "/api/friends/requests", { toUserId, message }),
    requests: (direction: "incoming" | "outgoing" = "incoming", status = "pending", page = 0, size = 50) =>
      this.get<Page<FriendRequest>>(`/api/friends/requests${query({ direction, status, page, size })}`),
    accept: (requestId: number) => this.send<FriendRequest>("POST", `/api/friends/requests/${id(requestId)}/accept`),
    decline: (requestId: number) =>
      this.send<FriendRequest>("POST", `/api/friends/requests/${id(requestId)}/decline`),
    cancel: (requestId: number) => this.send<void>("DELETE", `/api/friends/requests/${id(requestId)}`),
    block: (userId: number) => this.send<void>("POST", `/api/friends/blocks/${id(userId)}`),
    unblock: (userId: number) => this.send<void>("DELETE", `/api/friends/blocks/${id(userId)}`),
  };

  readonly conversations = {
    list: (page = 0, size = 100) => this.get<Page<Conversation>>(`/api/conversations${query({ page, size })}`),
    /** oldest first; `beforeSeq` scrolls back, `afterSeq` catches up */
    history: (
      conversationId: string,
      options: { beforeSeq?: number; afterSeq?: number; limit?: number; entries?: "content" | "all" } = {},
    ) =>
      this.get<{ messages: MsgFrame[] }>(
        `/api/conversations/${id(conversationId)}/messages${query(options)}`,
      ).then((r) => r.messages),
    read: (conversationId: string, seq: number) =>
      this.send<{ conversationId: string; readSeq: number; unread: number }>(
        "POST",
        `/api/conversations/${id(conversationId)}/read`,
        { seq },
      ),
    sync: (cursors: Record<string, number>, limit?: number) =>
      this.send<SyncPageFrame>("POST", "/api/sync", { cursors, limit }),
    /** deletes a message for me only, on all my devices */
    deleteMessage: (conversationId: string, msgId: string) =>
      this.send<void>("DELETE", `/api/conversations/${id(conversationId)}/messages/${id(msgId)}`),
    /** my history and sync start after `clearedThroughSeq` */
    clear: (conversationId: string) =>
      this.send<{ clearedThroughSeq: number }>("POST", `/api/conversations/${id(conversationId)}/clear`),
    settings: (conversationId: string, change: { muted?: boolean; pinned?: boolean }) =>
      this.send<{ conversationId: string; muted: boolean; pinned: boolean }>(
        "PATCH",
        `/api/conversations/${id(conversationId)}/settings`,
        change,
      ),
  };

  /** Uploads (docs/api.md#media); `ImClient.sendImage`/`sendFile` do all three steps. */
  readonly media = {
    announce: (upload: { kind: MediaKind; contentType: string; size: number; fileName: string; durationMs?: number }) =>
      this.send<UploadTicket>("POST", "/api/media", upload),
    complete: (mediaId: string) => this.send<MediaView>("POST", `/api/media/${id(mediaId)}/complete`),
    /** a short-lived URL of the object (or its thumbnail) for `<img src>`, `<video src>` or a download */
    link: (mediaId: string, thumbnail = false) =>
      this.get<{ url: string; expiresAt: number }>(`/api/media/${id(mediaId)}${thumbnail ? "/thumbnail" : ""}`),
  };

  /** Push registrations of this user's devices (docs/api.md#push-notifications). */
  readonly push = {
    register: (deviceId: string, registration: PushRegistration) =>
      this.send<PushDevice>("PUT", `/api/push/devices/${id(deviceId)}`, registration),
    devices: () => this.get<PushDevice[]>("/api/push/devices"),
    unregister: (deviceId: string) => this.send<void>("DELETE", `/api/push/devices/${id(deviceId)}`),
    webPushKey: () => this.get<{ publicKey: string }>("/api/push/webpush/public-key").then((r) => r.publicKey),
  };

  readonly groups = {
    create: (name: string, memberIds: number[], allowMemberInvites?: boolean) =>
      this.send<Group>("POST", "/api/groups", { name, memberIds, allowMemberInvites }),
    list: (page = 0, size = 100) => this.get<Page<Group>>(`/api/groups${query({ page, size })}`),
    get: (groupId: number, page = 0, size = 100) =>
      this.get<{ group: Group; members: Page<GroupMember> }>(`/api/groups/${id(groupId)}${query({ page, size })}`),
    update: (groupId: number, change: Partial<Pick<Group, "name" | "avatar">> & Record<string, unknown>) =>
      this.send<Group>("PATCH", `/api/groups/${id(groupId)}`, change),
    addMembers: (groupId: number, userIds: number[]) =>
      this.send<{ added: number[] }>("POST", `/api/groups/${id(groupId)}/members`, { userIds }),
    removeMember: (groupId: number, userId: number) =>
      this.send<void>("DELETE", `/api/groups/${id(groupId)}/members/${id(userId)}`),
    dissolve: (groupId: number) => this.send<void>("DELETE", `/api/groups/${id(groupId)}`),
  };
}
