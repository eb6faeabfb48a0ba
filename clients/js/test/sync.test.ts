import { describe, expect, it } from "vitest";
import { SyncRunner } from "../src/sync.js";
import type { SyncPageFrame } from "../src/types.js";

const page = (ref: string, hasMore: boolean, cursors: Record<string, number> = {}): SyncPageFrame =>
  ({ type: "sync.page", ref, messages: [], cursors, hasMore }) as SyncPageFrame;

describe("SyncRunner", () => {
  it("asks for the next page with the cursors of the last, until none is left", () => {
    const written: Record<string, unknown>[] = [];
    const sync = new SyncRunner((f) => written.push(f), 200, () => true, () => ({}));

    sync.start({});
    expect(sync.next(page("sync-1", true, { d_1_2: 200 }), false)).toBe(false);
    expect(written[1]).toMatchObject({ type: "sync", ref: "sync-2", cursors: { d_1_2: 200 } });
    expect(sync.next(page("sync-2", false), false)).toBe(true);
    expect(sync.running).toBe(false);
  });

  it("ignores the answer to a sync of an earlier connection", () => {
    const sync = new SyncRunner(() => {}, 200, () => true, () => ({}));
    sync.start();
    sync.connectionLost();
    sync.start();

    expect(sync.owns(page("sync-1", false))).toBe(false);
    expect(sync.owns(page("sync-2", false))).toBe(true);
  });

  it("runs a sync asked for while one runs, right after it", () => {
    const written: Record<string, unknown>[] = [];
    const sync = new SyncRunner((f) => written.push(f), 200, () => true, () => ({ g_5: 3 }));
    sync.start();
    sync.request(true);

    sync.next(page("sync-1", false), false);

    expect(written).toHaveLength(2);
    expect(written[1]).toMatchObject({ ref: "sync-2", cursors: { g_5: 3 } });
  });

  it("gives up on a sync the server does not answer in time", () => {
    const sync = new SyncRunner(() => {}, 200, () => true, () => ({}));
    sync.start();
    expect(sync.timedOut(Date.now() + 1000, 15_000)).toBe(false);
    expect(sync.timedOut(Date.now() + 16_000, 15_000)).toBe(true);
  });

  it("syncs once a quiet heartbeat passed while a gap is still suspected, and not before", () => {
    const written: Record<string, unknown>[] = [];
    const sync = new SyncRunner((f) => written.push(f), 200, () => true, () => ({ d_1_2: 4 }));
    const now = Date.now();
    sync.start();
    sync.next(page("sync-1", false), false);

    sync.quietCheck(now + 5_000, 25_000, true);
    sync.quietCheck(now + 30_000, 25_000, false);
    expect(written).toHaveLength(1);
    sync.quietCheck(now + 30_000, 25_000, true);
    expect(written).toHaveLength(2);
    expect(written[1]).toMatchObject({ type: "sync", ref: "sync-2", cursors: { d_1_2: 4 } });
  });
});
