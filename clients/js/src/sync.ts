import type { SyncPageFrame } from "./types.js";

/**
 * The sync conversation with the server: one request in flight at a time, each page answered by
 * the next until none is left; a sync asked for meanwhile runs after it, a gap in a conversation
 * asks for one after a short wait (the missing push may be in flight). Answers to syncs of an
 * earlier connection are ignored.
 */
export class SyncRunner {
  private ref: string | null = null;
  private startedAt = 0;
  private finishedAt = 0;
  private again = false;
  private count = 0;
  private gapTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly write: (frame: Record<string, unknown>) => void,
    private readonly limit: number,
    /** whether a sync may start now (a connection is open) */
    private readonly canStart: () => boolean,
    /** the cursors to sync from: what the app has been given */
    private readonly cursors: () => Record<string, number>,
  ) {}

  get running(): boolean {
    return this.ref !== null;
  }

  start(cursors: Record<string, number> = this.cursors()): void {
    this.ref = `sync-${++this.count}`;
    this.startedAt = Date.now();
    this.again = false;
    this.write({ type: "sync", ref: this.ref, cursors, limit: this.limit });
  }

  /** Something is missing: sync after the running one, or soon when online. */
  request(online: boolean): void {
    if (this.ref) this.again = true;
    else if (online) this.after(200);
  }

  /** A sync in a while, unless one is already planned. */
  after(ms: number): void {
    if (this.gapTimer) return;
    this.gapTimer = setTimeout(() => {
      this.gapTimer = null;
      if (this.canStart() && !this.ref) this.start();
    }, ms);
  }

  /** Whether this page answers the running sync (an older connection's answers do not). */
  owns(page: SyncPageFrame): boolean {
    return page.ref === this.ref;
  }

  /** After a page: the next one, or done (true) with a rerun if one was asked for meanwhile. */
  next(page: SyncPageFrame, gapsLeft: boolean): boolean {
    if (page.hasMore) {
      this.start(page.cursors);
      return false;
    }
    this.ref = null;
    this.finishedAt = Date.now();
    if (this.again) this.start();
    else if (gapsLeft) this.after(1000);
    return true;
  }

  /**
   * The safety net for pushes that stopped without a word: while a gap is suspected and no sync ran
   * for a quiet interval (one heartbeat), sync now. The gap timers above may have been spent on a
   * connection that went away, or on a page that still left a hole.
   */
  quietCheck(now: number, quietMs: number, suspected: boolean): void {
    if (!suspected || this.ref || this.gapTimer || !this.canStart()) return;
    if (now - Math.max(this.startedAt, this.finishedAt) >= quietMs) this.start();
  }

  /** The server refused this sync (it is retried by the gap timer); false when it was not ours. */
  refused(ref: string | null | undefined): boolean {
    if (!ref || ref !== this.ref) return false;
    this.ref = null;
    this.after(2000);
    return true;
  }

  timedOut(now: number, timeoutMs: number): boolean {
    return this.ref !== null && now - this.startedAt > timeoutMs;
  }

  /** The connection is gone: its sync with it. */
  connectionLost(): void {
    this.ref = null;
  }

  stop(): void {
    if (this.gapTimer) clearTimeout(this.gapTimer);
    this.gapTimer = null;
  }
}
