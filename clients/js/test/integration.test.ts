/**
 * The SDK against a running platform (IM_GATEWAY=http://host:port, e.g. a platform from
 * scripts/run.sh, or the one platform-tests starts). Real gateway, connectors, Kafka, MariaDB, Redis.
 *   IM_GATEWAY=http://localhost:8080 npm run test:integration
 */
import { describe, expect, it, vi } from "vitest";
import WebSocket from "ws";
import { ImClient, type MessageInfo } from "../src/client.js";
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
    messages.filter(([m]) => m.conversationId === conversationId && m.body.kind === "text").map(([m]) => m.body.text);
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
});
