/**
 * The SDK against a running platform (IM_GATEWAY=http://host:port, e.g. a platform from
 * scripts/run.sh, or the one platform-tests starts). Real gateway, connectors, Kafka, MariaDB, Redis.
 *   IM_GATEWAY=http://localhost:8080 npm run test:integration
 */
import { describe, expect, it, vi } from "vitest";
import WebSocket from "ws";
import { ImClient, type MessageInfo } from "../src/client.js";
import { MessageFold } from "../src/fold.js";
import { webSocketTransport, type WebSocketConstructor } from "../src/transport.js";
import type { MsgFrame, SocialEvent } from "../src/types.js";

const gateway = process.env.IM_GATEWAY;
const password = "correct-horse-battery";
const waitLong = { timeout: 20_000, interval: 50 };

function unique(prefix: string): string {
  return `${prefix}_${Math.random().toString(36).slice(2, 10)}`;
}

/** A client as an app would make one, recording what the SDK hands over. */
function device(deviceId = unique("node")) {
  const client = new ImClient({
    baseUrl: gateway!,
    deviceId,
    deviceType: "other",
    transport: webSocketTransport(WebSocket as unknown as WebSocketConstructor),
    backoff: { initialMs: 200, maxMs: 2000 },
  });
  const messages: [MsgFrame, MessageInfo][] = [];
  const social: SocialEvent[] = [];
  client.on("message", (m, info) => messages.push([m, info]));
  client.on("social", (e) => social.push(e));
  const texts = (conversationId: string) =>
    messages.filter(([m]) => m.conversationId === conversationId && m.body?.kind === "text").map(([m]) => m.body!.text);
  return { client, messages, social, texts };
}

async function account(prefix: string) {
  const d = device();
  const username = unique(prefix);
  await d.client.register(username, password);
  await d.client.login(username, password);
  return { ...d, username, userId: d.client.userId! };
}

async function online(...devices: { client: ImClient }[]) {
  for (const d of devices) d.client.connect();
  await vi.waitFor(() => devices.forEach((d) => expect(d.client.state).toBe("online")), waitLong);
}

describe.skipIf(!gateway)("SDK against the platform", () => {
  it("befriends, chats, catches up after being away, and is kicked by its own second login", async () => {
    const alice = await account("sdk_alice");
    const bob = await account("sdk_bob");
    await online(alice, bob);

    const request = await alice.client.api.friends.request(bob.userId, "hi from the SDK");
    await vi.waitFor(() => expect(bob.social.map((e) => e.type)).toContain("friend.request.received"), waitLong);
    await bob.client.api.friends.accept(request.id);
    await vi.waitFor(() => expect(alice.social.map((e) => e.type)).toContain("friend.request.accepted"), waitLong);

    const first = alice.client.send({ userId: bob.userId }, "hello 👋");
    const stored = await first.result;
    expect(stored.seq).toBe(1);
    const conversation = stored.conversationId;
    await vi.waitFor(() => expect(bob.texts(conversation)).toEqual(["hello 👋"]), waitLong);

    // bob goes away; alice writes; bob comes back and gets everything once, in order
    bob.client.disconnect();
    const whileAway = ["one", "two", "three"].map((t) => alice.client.send({ userId: bob.userId }, t));
    await Promise.all(whileAway.map((o) => o.result));
    await online(bob);
    await vi.waitFor(() => expect(bob.texts(conversation)).toEqual(["hello 👋", "one", "two", "three"]), waitLong);
    expect(bob.messages.filter(([m]) => m.conversationId === conversation).map(([m]) => m.seq)).toEqual([1, 2, 3, 4]);
    expect(bob.messages.slice(1).every(([, info]) => info.source === "sync")).toBe(true);

    // a send while the socket is down waits in the outbox and goes once it is back
    bob.client.disconnect();
    const queued = bob.client.send({ userId: alice.userId }, "written while offline");
    expect(bob.client.unsent()).toHaveLength(1);
    bob.client.connect();
    expect((await queued.result).seq).toBe(5);
    await vi.waitFor(() => expect(alice.texts(conversation)).toContain("written while offline"), waitLong);
    expect(alice.texts(conversation).filter((t) => t === "written while offline")).toHaveLength(1);

    // the server refuses for good: the promise says why
    const stranger = await account("sdk_stranger");
    const refused = alice.client.send({ userId: stranger.userId }, "not your friend");
    await expect(refused.result).rejects.toMatchObject({ code: "not_friends" });

    // the same device id connecting again replaces this connection: kicked, no reconnect loop
    const kicked = vi.fn();
    bob.client.on("kicked", kicked);
    const bobAgain = device(bob.client.session.deviceId);
    await bobAgain.client.login(bob.username, password);
    await online(bobAgain);
    await vi.waitFor(() => expect(bob.client.state).toBe("kicked"), waitLong);
    expect(kicked).toHaveBeenCalledTimes(1);

    for (const d of [alice, bobAgain, stranger]) d.client.disconnect();
  });

  it("chats in a group of three, each member getting every message once and in order", async () => {
    const owner = await account("sdk_owner");
    const bob = await account("sdk_gbob");
    const carol = await account("sdk_gcarol");
    for (const friend of [bob, carol]) {
      const r = await owner.client.api.friends.request(friend.userId);
      await friend.client.api.friends.accept(r.id);
    }
    const group = await owner.client.api.groups.create("SDK trio 🎸", [bob.userId, carol.userId]);
    await online(owner, bob, carol);

    const from = (d: typeof owner, text: string) => d.client.send({ groupId: group.groupId }, text).result;
    await from(owner, "welcome");
    await from(bob, "thanks");
    await from(carol, "hi all");
    for (const member of [owner, bob, carol]) {
      await vi.waitFor(() => expect(member.texts(group.conversationId)).toEqual(["welcome", "thanks", "hi all"]), waitLong);
      const seqs = member.messages.filter(([m]) => m.conversationId === group.conversationId).map(([m]) => m.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      expect(new Set(seqs).size).toBe(seqs.length);
    }
    for (const d of [owner, bob, carol]) d.client.disconnect();
  });

  it("replies, edits, reacts, recalls and deletes; a device that was away folds the same state after its sync", async () => {
    const alice = await account("sdk_ann");
    const bob = await account("sdk_ben");
    await online(alice, bob);
    const request = await alice.client.api.friends.request(bob.userId);
    await bob.client.api.friends.accept(request.id);
    await vi.waitFor(() => expect(alice.social.map((e) => e.type)).toContain("friend.request.accepted"), waitLong);
    const toBob = { userId: bob.userId };
    const toAlice = { userId: alice.userId };

    // bob's second device, with its own fold, is there for the first message and then goes away
    const tablet = device();
    await tablet.client.login(bob.username, password);
    const tabletFold = new MessageFold(() => tablet.client.userId);
    tablet.client.on("message", (m) => tabletFold.apply(m));
    tablet.client.on("event", (e) => tabletFold.applyEvent(e));
    const phoneFold = new MessageFold(() => bob.client.userId);
    bob.client.on("message", (m) => phoneFold.apply(m));
    bob.client.on("event", (e) => phoneFold.applyEvent(e));
    await online(tablet);

    const first = await alice.client.send(toBob, "lunch at noon?").result;
    const conversation = first.conversationId;
    await vi.waitFor(() => expect(tabletFold.messages(conversation)).toHaveLength(1), waitLong);
    tablet.client.disconnect();

    const reply = await bob.client.send(toAlice, "where?", { replyTo: first.msgId }).result;
    await alice.client.edit(toBob, first.msgId, "lunch at 1 pm?").result;
    await bob.client.react(toAlice, first.msgId, "👍").result;
    await alice.client.react(toBob, first.msgId, "👍").result;
    const oops = await alice.client.send(toBob, "oops, wrong chat").result;
    await alice.client.recall(toBob, oops.msgId).result;
    await expect(bob.client.edit(toAlice, first.msgId, "mine now").result).rejects.toMatchObject({ code: "not_allowed" });
    await bob.client.deleteForMe(conversation, reply.msgId);

    const expected = [
      { text: "lunch at 1 pm?", recalled: false, reactions: [{ emoji: "👍", count: 2, mine: true }] },
      { text: null, recalled: true, reactions: [] },
    ];
    const shown = (fold: MessageFold) =>
      fold.messages(conversation).map((m) => ({
        text: m.text,
        recalled: m.recalled,
        reactions: m.reactions.map(({ emoji, count, mine }) => ({ emoji, count, mine })),
      }));
    await vi.waitFor(() => expect(shown(phoneFold)).toEqual(expected), waitLong);

    await online(tablet); // it syncs from where it was
    await vi.waitFor(() => expect(shown(tabletFold)).toEqual(expected), waitLong);
    const history = new MessageFold(() => bob.userId);
    (await bob.client.api.conversations.history(conversation)).forEach((m) => history.apply(m));
    expect(shown(history)).toEqual(expected);

    const settings = await bob.client.setConversationSettings(conversation, { pinned: true, muted: true });
    expect(settings).toEqual({ conversationId: conversation, muted: true, pinned: true });
    expect(await bob.client.clear(conversation)).toBeGreaterThanOrEqual(5);
    await vi.waitFor(() => expect(tabletFold.messages(conversation)).toEqual([]), waitLong);
    const list = await bob.client.api.conversations.list();
    expect(list.items.find((c) => c.conversationId === conversation)).toMatchObject({ unread: 0, pinned: true, muted: true });

    for (const d of [alice, bob, tablet]) d.client.close();
  });

  it("sends a picture and a file: uploaded with progress, received with their object, downloaded intact", async () => {
    const alice = await account("sdk_media_a");
    const bob = await account("sdk_media_b");
    const request = await alice.client.api.friends.request(bob.userId);
    await bob.client.api.friends.accept(request.id);
    await online(alice, bob);

    // a 1x1 PNG, and a small text file
    const png = Uint8Array.from(
      Buffer.from(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
        "base64",
      ),
    );
    const notes = new TextEncoder().encode("meeting notes\n".repeat(100));
    const progress: number[] = [];

    const picture = await alice.client.sendImage({ userId: bob.userId }, png, {
      fileName: "dot.png",
      contentType: "image/png",
      caption: "a dot",
      onProgress: (sent) => progress.push(sent),
    });
    await picture.result;
    const file = await alice.client.sendFile({ userId: bob.userId }, notes, {
      fileName: "notes.txt",
      contentType: "text/plain",
    });
    await file.result;
    expect(progress.at(-1)).toBe(png.byteLength);

    const media = () => bob.messages.map(([m]) => m).filter((m) => m.body?.mediaId);
    await vi.waitFor(() => expect(media().map((m) => m.body!.kind)).toEqual(["image", "file"]), waitLong);
    const [image, text] = media();
    expect(image.body).toMatchObject({ contentType: "image/png", size: png.byteLength, fileName: "dot.png", width: 1, height: 1, caption: "a dot" });
    expect(text.body).toMatchObject({ contentType: "text/plain", size: notes.byteLength, fileName: "notes.txt" });

    const got = new Uint8Array(await (await fetch(await bob.client.mediaUrl(image.body!.mediaId!))).arrayBuffer());
    expect(got).toEqual(png);
    const thumbnail = await fetch(await bob.client.mediaUrl(image.body!.mediaId!, { thumbnail: true }));
    expect(thumbnail.headers.get("content-type")).toBe("image/jpeg");
    const downloaded = await fetch(await bob.client.mediaUrl(text.body!.mediaId!));
    expect(new Uint8Array(await downloaded.arrayBuffer())).toEqual(notes);
    expect(downloaded.headers.get("content-disposition")).toContain("attachment");

    alice.client.close();
    bob.client.close();
  });
});
