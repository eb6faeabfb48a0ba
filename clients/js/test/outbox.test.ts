import { describe, expect, it } from "vitest";
import { Outbox, SendError, type OutboxEntry } from "../src/outbox.js";
import { memoryStorage } from "../src/storage.js";
import type { MsgFrame } from "../src/types.js";

const entry = (clientMsgId: string): OutboxEntry => ({
  clientMsgId,
  conversationId: "d_1_2",
  to: { userId: 2 },
  text: `hi ${clientMsgId}`,
  createdAt: 1,
});

describe("Outbox", () => {
  it("keeps unconfirmed messages across a restart, and shows them again", () => {
    const storage = memoryStorage();
    new Outbox(storage, "k", () => {}).add(1, entry("a"));
    const restored: OutboxEntry[] = [];

    const again = new Outbox(storage, "k", (e) => restored.push(e));
    again.restore(1);

    expect(restored.map((e) => e.clientMsgId)).toEqual(["a"]);
    expect(again.unsent()).toEqual([entry("a")]);
  });

  it("resolves a confirmed message and forgets it", async () => {
    const storage = memoryStorage();
    const outbox = new Outbox(storage, "k", () => {});
    const { pending, result } = outbox.add(1, entry("a"));
    const stored = { type: "msg", seq: 4 } as unknown as MsgFrame;

    outbox.confirm(1, pending, stored);

    await expect(result).resolves.toBe(stored);
    expect(outbox.unsent()).toEqual([]);
    expect(storage.getItem("k.outbox.1")).toBeNull();
  });

  it("retries a rate-limited message later, and fails one the server refuses for good", async () => {
    const outbox = new Outbox(memoryStorage(), "k", () => {});
    const limited = outbox.add(1, entry("a")).pending;
    const refused = outbox.add(1, entry("b"));
    outbox.written(limited, 7, 1000);

    expect(outbox.refused(1, limited, "rate_limited", "slow down", 1000)).toBeNull();
    expect(outbox.due(1500, 7, 10_000)).not.toContain(limited);
    expect(outbox.due(1000 + 2000, 7, 10_000)).toContain(limited);

    const error = outbox.refused(1, refused.pending, "not_friends", "no", 1000);
    expect(error).toBeInstanceOf(SendError);
    await expect(refused.result).rejects.toMatchObject({ code: "not_friends", clientMsgId: "b" });
    expect(outbox.unsent().map((e) => e.clientMsgId)).toEqual(["a"]);
  });

  it("writes a message again when its connection is lost, or when it stays unanswered too long", () => {
    const outbox = new Outbox(memoryStorage(), "k", () => {});
    const { pending } = outbox.add(1, entry("a"));
    outbox.written(pending, 3, 1000);

    expect(outbox.due(5000, 3, 10_000)).toEqual([]);
    expect(outbox.due(12_000, 3, 10_000)).toEqual([pending]);
    outbox.connectionLost();
    expect(outbox.due(5000, 4, 10_000)).toEqual([pending]);
  });
});
