import { readJson, writeJson, type KeyValueStorage } from "./storage.js";
import type { MsgFrame, SendBody, Target } from "./types.js";

/** A message this device is sending: shown at once, confirmed by `result`. */
export interface Outgoing {
  clientMsgId: string;
  conversationId: string;
  to: Target;
  /** what the app shows while it is on its way (an edit's new text, "" for a recall or reaction) */
  text: string;
  /** the body sent when it is not a plain text: a reply, mentions, an edit, a recall, a reaction, a forward */
  body?: SendBody;
  createdAt: number;
  /** the stored message (with msgId and seq), or a `SendError` */
  result: Promise<MsgFrame>;
}

export class SendError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly clientMsgId: string,
  ) {
    super(`${code}: ${message}`);
    this.name = "SendError";
  }
}

export type OutboxEntry = Omit<Outgoing, "result">;

/** An entry of the outbox with its delivery bookkeeping. */
export interface Pending extends OutboxEntry {
  /** the socket generation it was last written to (0: not on the current one) */
  sentOn: number;
  lastSentAt: number;
  attempts: number;
  retryAt: number;
  resolve?: (message: MsgFrame) => void;
  reject?: (error: SendError) => void;
}

const RETRYABLE_SEND_ERRORS = new Set(["rate_limited", "temporarily_unavailable"]);

/**
 * Messages sent but not yet confirmed, kept in `storage` per user so they survive a restart, and
 * written again with the same clientMsgId until the server confirms them (it stores each once).
 */
export class Outbox {
  private readonly entries = new Map<string, Pending>();

  constructor(
    private readonly storage: KeyValueStorage,
    private readonly storageKey: string,
    /** called for each entry restored from storage (the app shows it as outgoing again) */
    private readonly onRestored: (entry: OutboxEntry) => void,
  ) {}

  /** Loads what a previous run of this user left unsent; entries already here stay as they are. */
  restore(userId: number | null): void {
    if (userId === null) return;
    for (const entry of readJson<OutboxEntry[]>(this.storage, this.key(userId)) ?? []) {
      if (this.entries.has(entry.clientMsgId)) continue;
      this.entries.set(entry.clientMsgId, fresh(entry));
      this.onRestored(entry);
    }
  }

  /** Adds a message; its promise settles when the server confirms or refuses it. */
  add(userId: number, entry: OutboxEntry): { pending: Pending; result: Promise<MsgFrame> } {
    const pending = fresh(entry);
    const result = new Promise<MsgFrame>((resolve, reject) => {
      pending.resolve = resolve;
      pending.reject = reject;
    });
    result.catch(() => {}); // an app that ignores the result gets the sendFailed event instead
    this.entries.set(entry.clientMsgId, pending);
    this.save(userId);
    return { pending, result };
  }

  get(clientMsgId: string | null | undefined): Pending | undefined {
    return clientMsgId == null ? undefined : this.entries.get(clientMsgId);
  }

  /** Unconfirmed messages, oldest first. */
  unsent(): OutboxEntry[] {
    return [...this.entries.values()].map(entryOf);
  }

  /** The server stored it: out of the outbox, its promise resolved with the stored message. */
  confirm(userId: number, pending: Pending, message: MsgFrame): void {
    this.entries.delete(pending.clientMsgId);
    this.save(userId);
    pending.resolve?.(message);
  }

  /**
   * The server refused it: a retryable refusal (rate limit, a dependency away) is sent again after
   * a back-off; any other fails it for good. Returns the error when it failed.
   */
  refused(userId: number, pending: Pending, code: string, message: string, now: number): SendError | null {
    if (RETRYABLE_SEND_ERRORS.has(code)) {
      pending.sentOn = 0;
      pending.retryAt = now + Math.min(30_000, 1000 * 2 ** Math.min(pending.attempts, 5));
      return null;
    }
    this.entries.delete(pending.clientMsgId);
    this.save(userId);
    const error = new SendError(code, message, pending.clientMsgId);
    pending.reject?.(error);
    return error;
  }

  /** Those to write now: never written on this connection, past their retry time, or unanswered too long. */
  due(now: number, generation: number, timeoutMs: number): Pending[] {
    return [...this.entries.values()].filter((p) =>
      p.sentOn === generation ? now - p.lastSentAt > timeoutMs : p.retryAt <= now,
    );
  }

  written(pending: Pending, generation: number, now: number): void {
    pending.sentOn = generation;
    pending.lastSentAt = now;
    pending.attempts++;
  }

  /** The connection is gone: nothing is on the wire any more. */
  connectionLost(): void {
    for (const pending of this.entries.values()) pending.sentOn = 0;
  }

  /** Logging out: every unsent message fails, and nothing stays stored. */
  discard(userId: number | null, error: (clientMsgId: string) => SendError): void {
    if (userId !== null) this.storage.removeItem(this.key(userId));
    for (const pending of this.entries.values()) pending.reject?.(error(pending.clientMsgId));
    this.entries.clear();
  }

  private save(userId: number): void {
    const entries = this.unsent();
    if (entries.length === 0) this.storage.removeItem(this.key(userId));
    else writeJson(this.storage, this.key(userId), entries);
  }

  private key(userId: number): string {
    return `${this.storageKey}.outbox.${userId}`;
  }
}

function fresh(entry: OutboxEntry): Pending {
  return { ...entryOf(entry), sentOn: 0, lastSentAt: 0, attempts: 0, retryAt: 0 };
}

function entryOf({ clientMsgId, conversationId, to, text, body, createdAt }: OutboxEntry): OutboxEntry {
  return body === undefined
    ? { clientMsgId, conversationId, to, text, createdAt }
    : { clientMsgId, conversationId, to, text, body, createdAt };
}
