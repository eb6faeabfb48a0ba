import type { MsgFrame, SyncPageFrame } from "./types.js";

/**
 * Turns what arrives (pushes, own `sent`, sync pages, in any order, with duplicates) into each
 * conversation's messages exactly once and in `seq` order. Per conversation it keeps the cursor
 * (every message up to it was handed to the app) and holds back messages beyond a gap until a
 * sync fills it.
 */
export class ConversationBuffer {
  private readonly cursors = new Map<string, number>();
  private readonly held = new Map<string, Map<number, MsgFrame>>();

  constructor(initial: Record<string, number> = {}) {
    for (const [conversationId, seq] of Object.entries(initial)) this.cursors.set(conversationId, seq);
  }

  /** A pushed (or own) message: what the app gets now, in order; a gap holds it back. */
  accept(message: MsgFrame): MsgFrame[] {
    const cursor = this.cursorOf(message.conversationId);
    if (message.seq <= cursor) return [];
    if (message.seq > cursor + 1) {
      this.heldOf(message.conversationId).set(message.seq, message);
      return [];
    }
    return this.advance(message);
  }

  /**
   * A sync page is the server's word: its messages are all there is after the cursor (a group's
   * history may start after the seq a member joined at, so a first message beyond cursor + 1 is
   * no gap), and its cursors may move past seqs this user will never see.
   */
  applySyncPage(page: SyncPageFrame): MsgFrame[] {
    const out: MsgFrame[] = [];
    for (const message of page.messages) {
      if (message.seq > this.cursorOf(message.conversationId)) out.push(...this.advance(message));
    }
    for (const [conversationId, seq] of Object.entries(page.cursors)) {
      if (seq > this.cursorOf(conversationId)) {
        this.cursors.set(conversationId, seq);
        out.push(...this.flush(conversationId));
      }
    }
    return out;
  }

  /** Starts a conversation at `seq` unless it is further already (e.g. from the conversation list). */
  seed(conversationId: string, seq: number): void {
    if (seq > this.cursorOf(conversationId)) {
      this.cursors.set(conversationId, seq);
      this.flush(conversationId);
    }
  }

  cursorOf(conversationId: string): number {
    return this.cursors.get(conversationId) ?? 0;
  }

  /** The cursors to send in `sync`. */
  snapshot(): Record<string, number> {
    return Object.fromEntries(this.cursors);
  }

  /** Conversations with messages held back behind a gap. */
  gaps(): string[] {
    return [...this.held.entries()].filter(([, m]) => m.size > 0).map(([c]) => c);
  }

  private advance(message: MsgFrame): MsgFrame[] {
    this.cursors.set(message.conversationId, message.seq);
    return [message, ...this.flush(message.conversationId)];
  }

  /** Hands over held messages that follow the cursor without a gap; drops those behind it. */
  private flush(conversationId: string): MsgFrame[] {
    const held = this.held.get(conversationId);
    if (!held) return [];
    const out: MsgFrame[] = [];
    let cursor = this.cursorOf(conversationId);
    for (const seq of [...held.keys()].sort((a, b) => a - b)) {
      if (seq <= cursor) {
        held.delete(seq);
      } else if (seq === cursor + 1) {
        out.push(held.get(seq)!);
        held.delete(seq);
        cursor = seq;
      } else {
        break;
      }
    }
    this.cursors.set(conversationId, cursor);
    if (held.size === 0) this.held.delete(conversationId);
    return out;
  }

  private heldOf(conversationId: string): Map<number, MsgFrame> {
    let held = this.held.get(conversationId);
    if (!held) {
      held = new Map();
      this.held.set(conversationId, held);
    }
    return held;
  }
}
