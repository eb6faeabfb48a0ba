import { describe, expect, it } from "vitest";
import { ConversationBuffer } from "../src/conversation-buffer.js";
import type { MsgFrame } from "../src/types.js";
import { msg } from "./fakes.js";

const m = (c: string, seq: number) => msg(c, seq, 1) as MsgFrame;
const seqs = (ms: MsgFrame[]) => ms.map((x) => `${x.conversationId}:${x.seq}`);

describe("ConversationBuffer", () => {
  it("hands over messages in order and each once", () => {
    const b = new ConversationBuffer();
    expect(seqs(b.accept(m("d_1_2", 1)))).toEqual(["d_1_2:1"]);
    expect(seqs(b.accept(m("d_1_2", 1)))).toEqual([]);
    expect(seqs(b.accept(m("d_1_2", 2)))).toEqual(["d_1_2:2"]);
    expect(b.cursorOf("d_1_2")).toBe(2);
  });

  it("holds messages behind a gap until the gap is filled, then releases them in order", () => {
    const b = new ConversationBuffer({ d_1_2: 3 });
    expect(b.accept(m("d_1_2", 6))).toEqual([]);
    expect(b.accept(m("d_1_2", 5))).toEqual([]);
    expect(b.gaps()).toEqual(["d_1_2"]);
    expect(seqs(b.accept(m("d_1_2", 4)))).toEqual(["d_1_2:4", "d_1_2:5", "d_1_2:6"]);
    expect(b.gaps()).toEqual([]);
  });

  it("fills gaps from a sync page and drops what it already has", () => {
    const b = new ConversationBuffer({ d_1_2: 1 });
    b.accept(m("d_1_2", 4));
    const out = b.applySyncPage({
      type: "sync.page",
      ref: "s",
      messages: [m("d_1_2", 1), m("d_1_2", 2), m("d_1_2", 3), m("d_1_2", 4), m("g_7", 1)],
      cursors: { d_1_2: 4, g_7: 1 },
      hasMore: false,
    });
    expect(seqs(out)).toEqual(["d_1_2:2", "d_1_2:3", "d_1_2:4", "g_7:1"]);
    expect(b.snapshot()).toEqual({ d_1_2: 4, g_7: 1 });
  });

  it("accepts a group history that starts after the seq the member joined at", () => {
    const b = new ConversationBuffer();
    b.accept(m("g_9", 52)); // pushed: cursor 0, so a gap
    const out = b.applySyncPage({
      type: "sync.page",
      ref: "s",
      messages: [m("g_9", 51), m("g_9", 52)],
      cursors: { g_9: 52 },
      hasMore: false,
    });
    expect(seqs(out)).toEqual(["g_9:51", "g_9:52"]);
    expect(b.gaps()).toEqual([]);
  });

  it("moves to a sync cursor beyond what it holds and releases held messages that follow it", () => {
    const b = new ConversationBuffer();
    b.accept(m("g_9", 51));
    const out = b.applySyncPage({ type: "sync.page", ref: "s", messages: [], cursors: { g_9: 50 }, hasMore: false });
    expect(seqs(out)).toEqual(["g_9:51"]);
  });

  it("never moves a cursor back", () => {
    const b = new ConversationBuffer({ d_1_2: 10 });
    b.seed("d_1_2", 5);
    b.applySyncPage({ type: "sync.page", ref: "s", messages: [], cursors: { d_1_2: 7 }, hasMore: false });
    expect(b.cursorOf("d_1_2")).toBe(10);
  });
});
