import type { EventFrame, MediaObject, MessageBody, MsgFrame, Reaction } from "./types.js";

/** A message as a user sees it now: its content with every later change applied. */
export interface ShownMessage {
  conversationId: string;
  msgId: string;
  seq: number;
  from: { userId: number; deviceId: string };
  kind: string;
  /** the text as shown (the edited one once edited); null when recalled */
  text: string | null;
  /** the text as first sent, kept for "edited" marks; null when recalled */
  originalText: string | null;
  edited: { text: string; at: number } | null;
  recalled: boolean;
  reactions: Reaction[];
  replyTo: { msgId: string; seq: number | null; fromUserId: number | null; preview: string | null } | null;
  mentions: (number | "all")[];
  forwardedFrom: number | null;
  /** a media message's object (its caption is `text`); null for texts and once recalled */
  media: MediaObject | null;
  ts: number;
}

const CHANGES = new Set(["edit", "recall", "reaction", "delete", "clear"]);

/**
 * The conversation model of the lifecycle (docs/protocol.md#message-lifecycle): messages by
 * conversation, with edits, recalls, reactions, deletes-for-me and clears applied as they arrive
 * from pushes, sync pages, history or events, in any order and any number of times. A change whose
 * target is not held yet waits for it, so a device that syncs ends where every other one is.
 */
export class MessageFold {
  private readonly byConversation = new Map<string, Map<string, ShownMessage>>();
  private readonly waiting = new Map<string, MsgFrame[]>();
  private readonly hidden = new Set<string>();
  private readonly clearedThrough = new Map<string, number>();

  constructor(private readonly me: () => number | null) {}

  /** Applies a message or a change; true when what a conversation shows changed. */
  apply(frame: MsgFrame): boolean {
    const kind = frame.body?.kind ?? "text";
    if (!CHANGES.has(kind)) return this.put(frame);
    const body = frame.body!;
    switch (kind) {
      case "delete":
        return this.deleteForMe(body.conversationId!, body.target!);
      case "clear":
        return this.clear(body.conversationId!, body.clearedThroughSeq ?? 0);
      default: {
        const target = this.find(frame.conversationId, body.target!);
        if (!target) {
          this.wait(body.target!, frame);
          return false;
        }
        return this.change(target, frame);
      }
    }
  }

  /** Applies `message.deleted` and `conversation.cleared` events; true when something changed. */
  applyEvent(event: EventFrame): boolean {
    const data = event.data as Record<string, unknown>;
    if (event.kind === "message.deleted") return this.deleteForMe(String(data.conversationId), String(data.msgId));
    if (event.kind === "conversation.cleared") {
      return this.clear(String(data.conversationId), Number(data.clearedThroughSeq));
    }
    return false;
  }

  /** A conversation's messages as shown, in seq order. */
  messages(conversationId: string): ShownMessage[] {
    return [...(this.byConversation.get(conversationId)?.values() ?? [])].sort((a, b) => a.seq - b.seq);
  }

  get(conversationId: string, msgId: string): ShownMessage | undefined {
    return this.find(conversationId, msgId);
  }

  private put(frame: MsgFrame): boolean {
    if (this.hidden.has(frame.msgId) || frame.seq <= (this.clearedThrough.get(frame.conversationId) ?? 0)) return false;
    const messages = this.conversation(frame.conversationId);
    const known = messages.get(frame.msgId);
    const shown = toShown(frame);
    if (known) {
      // a later copy (sync, history) carries the folded state; never undo a recall seen already
      if (known.recalled && !shown.recalled) return false;
      if (!frame.edited && known.edited) shown.edited = known.edited;
      if (!frame.reactions && known.reactions.length > 0 && frame.recalled !== true) shown.reactions = known.reactions;
      if (shown.edited) shown.text = shown.edited.text;
    }
    messages.set(frame.msgId, shown);
    for (const change of this.waiting.get(frame.msgId) ?? []) this.change(shown, change);
    this.waiting.delete(frame.msgId);
    return true;
  }

  private change(target: ShownMessage, frame: MsgFrame): boolean {
    const body = frame.body!;
    if (target.recalled) return false;
    switch (body.kind) {
      case "edit":
        target.edited = { text: body.text ?? "", at: frame.ts };
        target.text = body.text ?? "";
        return true;
      case "recall":
        Object.assign(target, {
          text: null,
          originalText: null,
          edited: null,
          recalled: true,
          reactions: [],
          media: null,
        });
        return true;
      case "reaction":
        return react(target, body.emoji!, frame.from.userId, body.on === true, this.me());
      default:
        return false;
    }
  }

  private deleteForMe(conversationId: string, msgId: string): boolean {
    this.hidden.add(msgId);
    return this.byConversation.get(conversationId)?.delete(msgId) ?? false;
  }

  private clear(conversationId: string, throughSeq: number): boolean {
    if (throughSeq <= (this.clearedThrough.get(conversationId) ?? 0)) return false;
    this.clearedThrough.set(conversationId, throughSeq);
    const messages = this.byConversation.get(conversationId);
    if (!messages) return false;
    for (const [msgId, m] of messages) if (m.seq <= throughSeq) messages.delete(msgId);
    return true;
  }

  private find(conversationId: string, msgId: string): ShownMessage | undefined {
    return this.byConversation.get(conversationId)?.get(msgId);
  }

  private wait(target: string, frame: MsgFrame): void {
    const list = this.waiting.get(target) ?? [];
    if (!list.some((f) => f.msgId === frame.msgId)) list.push(frame);
    this.waiting.set(target, list);
  }

  private conversation(conversationId: string): Map<string, ShownMessage> {
    let messages = this.byConversation.get(conversationId);
    if (!messages) {
      messages = new Map();
      this.byConversation.set(conversationId, messages);
    }
    return messages;
  }
}

function toShown(frame: MsgFrame): ShownMessage {
  const body = frame.body;
  const recalled = frame.recalled === true || body === null;
  const media = !recalled && body!.mediaId ? mediaOf(body!) : null;
  const content = media ? (body!.caption ?? "") : (body?.text ?? "");
  const text = recalled ? null : (frame.edited?.text ?? content);
  return {
    conversationId: frame.conversationId,
    msgId: frame.msgId,
    seq: frame.seq,
    from: frame.from,
    kind: body?.kind ?? "text",
    text,
    originalText: recalled ? null : content,
    edited: recalled ? null : (frame.edited ?? null),
    recalled,
    reactions: recalled ? [] : (frame.reactions ?? []).map((r) => ({ ...r, userIds: [...r.userIds] })),
    replyTo: body?.replyTo ? { seq: null, fromUserId: null, preview: null, ...body.replyTo } : null,
    mentions: body?.mentions ?? [],
    forwardedFrom: body?.forwarded?.fromUserId ?? null,
    media,
    ts: frame.ts,
  };
}

function mediaOf(body: MessageBody): MediaObject {
  return {
    mediaId: body.mediaId!,
    contentType: body.contentType ?? "application/octet-stream",
    size: body.size ?? 0,
    fileName: body.fileName ?? "file",
    ...(body.width === undefined ? {} : { width: body.width }),
    ...(body.height === undefined ? {} : { height: body.height }),
    ...(body.durationMs === undefined ? {} : { durationMs: body.durationMs }),
  };
}

/**
 * Adds or removes one user's emoji, once per user, like the server. `userIds` holds the first 20
 * users only: beyond them `count` is corrected by the next history or sync copy.
 */
function react(target: ShownMessage, emoji: string, userId: number, on: boolean, me: number | null): boolean {
  const index = target.reactions.findIndex((r) => r.emoji === emoji);
  const reaction = index >= 0 ? target.reactions[index] : undefined;
  const has = reaction !== undefined && (reaction.userIds.includes(userId) || (userId === me && reaction.mine));
  if (on === has) return false;
  if (on) {
    if (reaction) {
      reaction.userIds.push(userId);
      reaction.count += 1;
      if (userId === me) reaction.mine = true;
    } else {
      target.reactions.push({ emoji, count: 1, mine: userId === me, userIds: [userId] });
    }
    return true;
  }
  reaction!.userIds = reaction!.userIds.filter((u) => u !== userId);
  reaction!.count -= 1;
  if (userId === me) reaction!.mine = false;
  if (reaction!.count <= 0) target.reactions.splice(index, 1);
  return true;
}
