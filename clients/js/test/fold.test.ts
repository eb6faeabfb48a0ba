import { describe, expect, it } from "vitest";
import { MessageFold } from "../src/fold.js";
import type { MsgFrame } from "../src/types.js";

const ME = 1;
const PEER = 2;
const CONV = "d_1_2";

function text(seq: number, from: number, body: string, extra: Partial<MsgFrame> = {}): MsgFrame {
  return {
    type: "msg",
    conversationId: CONV,
    msgId: `m${seq}`,
    seq,
    from: { userId: from, deviceId: "d" },
    body: { kind: "text", text: body },
    ts: seq,
    ...extra,
  };
}

function change(seq: number, from: number, body: MsgFrame["body"], conversationId = CONV): MsgFrame {
  return { type: "msg", conversationId, msgId: `m${seq}`, seq, from: { userId: from, deviceId: "d" }, body, ts: seq };
}

const edit = (seq: number, target: string, t: string) => change(seq, PEER, { kind: "edit", target, text: t });
const recall = (seq: number, target: string) => change(seq, PEER, { kind: "recall", target });
const react = (seq: number, from: number, target: string, emoji: string, on: boolean) =>
  change(seq, from, { kind: "reaction", target, emoji, on });

describe("MessageFold", () => {
  it("applies edits, reactions and recalls to their target, and is idempotent", () => {
    const fold = new MessageFold(() => ME);
    const frames = [
      text(1, PEER, "helo"),
      edit(2, "m1", "hello"),
      react(3, ME, "m1", "👍", true),
      react(4, PEER, "m1", "👍", true),
      react(5, PEER, "m1", "👍", true),
      react(6, PEER, "m1", "🎉", true),
      react(7, PEER, "m1", "🎉", false),
    ];
    frames.forEach((f) => fold.apply(f));
    frames.forEach((f) => fold.apply(f)); // a second time changes nothing

    const [m] = fold.messages(CONV);
    expect(m.text).toBe("hello");
    expect(m.originalText).toBe("helo");
    expect(m.edited).toEqual({ text: "hello", at: 2 });
    expect(m.reactions).toEqual([{ emoji: "👍", count: 2, mine: true, userIds: [ME, PEER] }]);

    fold.apply(recall(8, "m1"));
    fold.apply(edit(9, "m1", "too late"));
    expect(fold.messages(CONV)[0]).toMatchObject({ recalled: true, text: null, reactions: [], edited: null });
  });

  it("holds a change whose target is not there yet, and applies it when the target arrives", () => {
    const fold = new MessageFold(() => ME);
    expect(fold.apply(edit(5, "m1", "fixed"))).toBe(false);
    fold.apply(text(1, PEER, "fxied"));
    expect(fold.messages(CONV)[0].text).toBe("fixed");
  });

  it("takes the folded state of history and sync, and a recall is never undone by an older copy", () => {
    const fold = new MessageFold(() => ME);
    fold.apply(
      text(1, PEER, "orig", {
        edited: { text: "new", at: 9 },
        reactions: [{ emoji: "❤️", count: 3, mine: false, userIds: [7, 8, 9] }],
      }),
    );
    expect(fold.messages(CONV)[0]).toMatchObject({ text: "new", reactions: [{ count: 3 }] });
    fold.apply(react(10, ME, "m1", "❤️", true));
    expect(fold.messages(CONV)[0].reactions[0]).toMatchObject({ count: 4, mine: true });

    fold.apply({ ...text(2, PEER, "x"), body: null, recalled: true });
    fold.apply(text(2, PEER, "x")); // the push, arriving late
    expect(fold.messages(CONV)[1]).toMatchObject({ recalled: true, text: null });
  });

  it("delete for me and clear hide messages, also those that arrive afterwards", () => {
    const fold = new MessageFold(() => ME);
    [1, 2, 3, 4].forEach((seq) => fold.apply(text(seq, PEER, `t${seq}`)));
    fold.apply(change(1, ME, { kind: "delete", conversationId: CONV, target: "m2", targetSeq: 2 }, "u_1"));
    expect(fold.messages(CONV).map((m) => m.seq)).toEqual([1, 3, 4]);
    fold.apply(text(2, PEER, "t2")); // a late copy stays deleted
    expect(fold.messages(CONV).map((m) => m.seq)).toEqual([1, 3, 4]);

    fold.applyEvent({ type: "event", kind: "conversation.cleared", data: { conversationId: CONV, clearedThroughSeq: 3 } });
    fold.apply(text(3, PEER, "t3"));
    expect(fold.messages(CONV).map((m) => m.seq)).toEqual([4]);
    fold.applyEvent({ type: "event", kind: "message.deleted", data: { conversationId: CONV, msgId: "m4", seq: 4 } });
    expect(fold.messages(CONV)).toEqual([]);
  });

  it("keeps a reply's quote, mentions and a forward's author", () => {
    const fold = new MessageFold(() => ME);
    fold.apply({
      ...text(2, PEER, "yes"),
      body: {
        kind: "text",
        text: "yes",
        replyTo: { msgId: "m1", seq: 1, fromUserId: ME, preview: "ok?" },
        mentions: [ME],
        forwarded: { fromUserId: 9 },
      },
    });
    expect(fold.messages(CONV)[0]).toMatchObject({
      replyTo: { msgId: "m1", preview: "ok?" },
      mentions: [ME],
      forwardedFrom: 9,
    });
  });

  it("shows a media message with its object and caption, and a recall takes the object away", () => {
    const fold = new MessageFold(() => ME);
    const image: MsgFrame = change(1, PEER, {
      kind: "image",
      mediaId: "77",
      contentType: "image/png",
      size: 1234,
      fileName: "cat.png",
      width: 640,
      height: 480,
      caption: "my cat",
    });

    fold.apply(image);
    const shown = fold.get(CONV, "m1")!;
    expect(shown.kind).toBe("image");
    expect(shown.text).toBe("my cat");
    expect(shown.media).toEqual({ mediaId: "77", contentType: "image/png", size: 1234, fileName: "cat.png", width: 640, height: 480 });

    fold.apply(recall(2, "m1"));
    expect(fold.get(CONV, "m1")!.media).toBeNull();
    expect(fold.get(CONV, "m1")!.recalled).toBe(true);
  });
});
