import type { ImApi } from "./api.js";
import { ConversationBuffer } from "./conversation-buffer.js";
import type { MsgFrame, SyncPageFrame } from "./types.js";

/**
 * What the app has been given of each conversation: messages pass through the buffer (in order,
 * once), their acks are collected and written once a second, and a device that starts without
 * cursors begins at each conversation's current end (not at the beginning of history).
 */
export class Conversations {
  private readonly buffer: ConversationBuffer;
  private readonly acks = new Map<string, number>();
  private seeded: boolean;

  constructor(cursors: Record<string, number> | undefined, startFromBeginning: boolean) {
    this.buffer = new ConversationBuffer(cursors);
    this.seeded = startFromBeginning || Object.keys(cursors ?? {}).length > 0;
  }

  accept(message: MsgFrame): MsgFrame[] {
    return this.buffer.accept(message);
  }

  applySyncPage(page: SyncPageFrame): MsgFrame[] {
    for (const [conversationId, seq] of Object.entries(page.cursors)) this.ack(conversationId, seq);
    return this.buffer.applySyncPage(page);
  }

  hasGap(conversationId?: string): boolean {
    const gaps = this.buffer.gaps();
    return conversationId === undefined ? gaps.length > 0 : gaps.includes(conversationId);
  }

  cursorOf(conversationId: string): number {
    return this.buffer.cursorOf(conversationId);
  }

  snapshot(): Record<string, number> {
    return this.buffer.snapshot();
  }

  seed(cursors: Record<string, number>): void {
    for (const [conversationId, seq] of Object.entries(cursors)) this.buffer.seed(conversationId, seq);
    this.seeded = true;
  }

  /** A device new to this user starts at the end of each conversation it is in. */
  async seedOnce(api: ImApi): Promise<void> {
    if (this.seeded) return;
    for (let page = 0; page < 20; page++) {
      const list = await api.conversations.list(page, 100);
      for (const c of list.items) this.buffer.seed(c.conversationId, c.lastSeq);
      if (!list.hasNext) break;
    }
    this.seeded = true;
  }

  ack(conversationId: string, seq: number): void {
    if (seq > (this.acks.get(conversationId) ?? 0)) this.acks.set(conversationId, seq);
  }

  /** The acks collected since the last flush, one per conversation (the highest). */
  takeAcks(): [string, number][] {
    const due = [...this.acks].filter(([, seq]) => seq > 0);
    this.acks.clear();
    return due;
  }
}
