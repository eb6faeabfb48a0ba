import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ImClient, SendError, type MessageInfo } from "../src/client.js";
import { memoryStorage } from "../src/storage.js";
import type { ConnectionState, MsgFrame } from "../src/types.js";
import { FakeHttp, FakeTransport, msg, tokens } from "./fakes.js";

const ME = 10001;
const BOB = 10002;
const CONV = "d_10001_10002";

function platform(conversations: { conversationId: string; lastSeq: number }[] = []) {
  const http = new FakeHttp()
    .on("POST /api/auth/login", () => ({ status: 200, body: tokens(ME) }))
    .on("POST /api/auth/refresh", () => ({ status: 200, body: tokens(ME) }))
    .on("GET /api/conversations", () => ({
      status: 200,
      body: { items: conversations, page: 0, size: 100, hasNext: false },
    }));
  return { http, transport: new FakeTransport() };
}

function newClient(p: ReturnType<typeof platform>, storage = memoryStorage()) {
  const client = new ImClient({
    baseUrl: "http://gateway.test",
    deviceId: "web-1",
    http: p.http.http,
    transport: p.transport,
    storage,
    backoff: { initialMs: 1000, maxMs: 8000, random: () => 0 },
    watchNetwork: false,
  });
  const messages: [MsgFrame, MessageInfo][] = [];
  const states: ConnectionState[] = [];
  client.on("message", (m, info) => messages.push([m, info]));
  client.on("state", (s) => states.push(s));
  return { client, messages, states };
}

const settle = () => vi.advanceTimersByTimeAsync(0);

/** Opens the newest socket and answers its sync with `messages`. */
async function openAndSync(p: ReturnType<typeof platform>, messages: object[] = [], cursors: Record<string, number> = {}) {
  await settle();
  const socket = p.transport.last;
  socket.open();
  const sync = socket.lastOfType("sync");
  socket.receive({ type: "sync.page", ref: sync.ref, messages, cursors, hasMore: false });
  return socket;
}

describe("ImClient", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("connects with the token, starts from the conversation list's last seqs, and is online once synced", async () => {
    const p = platform([{ conversationId: CONV, lastSeq: 7 }]);
    const { client, states } = newClient(p);
    await client.login("alice", "pw");
    client.connect();
    await settle();
    const socket = p.transport.last;
    expect(socket.url).toBe("ws://gateway.test/ws");
    expect(socket.token).toMatch(/^a\.10001\./);
    socket.open();
    expect(socket.framesOfType("ping")).toHaveLength(1);
    const sync = socket.lastOfType("sync");
    expect(sync.cursors).toEqual({ [CONV]: 7 });
    socket.receive({ type: "sync.page", ref: sync.ref, messages: [], cursors: { [CONV]: 7 }, hasMore: false });
    expect(client.state).toBe("online");
    expect(states).toEqual(["connecting", "syncing", "online"]);
    client.disconnect();
  });

  it("pages through sync while hasMore, sending back the page's cursors", async () => {
    const p = platform();
    const { client, messages } = newClient(p);
    await client.login("alice", "pw");
    client.connect();
    await settle();
    const socket = p.transport.last;
    socket.open();
    const first = socket.lastOfType("sync");
    socket.receive({ type: "sync.page", ref: first.ref, messages: [msg(CONV, 1, BOB), msg(CONV, 2, BOB)], cursors: { [CONV]: 2 }, hasMore: true });
    expect(client.state).toBe("syncing");
    const second = socket.lastOfType("sync");
    expect(second.ref).not.toBe(first.ref);
    expect(second.cursors).toEqual({ [CONV]: 2 });
    socket.receive({ type: "sync.page", ref: second.ref, messages: [msg(CONV, 3, BOB)], cursors: { [CONV]: 3 }, hasMore: false });
    expect(client.state).toBe("online");
    expect(messages.map(([m, i]) => `${m.seq}/${i.source}`)).toEqual(["1/sync", "2/sync", "3/sync"]);
    client.disconnect();
  });

  it("confirms a send with the stored message and resends it with the same clientMsgId when no sent comes", async () => {
    const p = platform([{ conversationId: CONV, lastSeq: 4 }]);
    const { client, messages } = newClient(p);
    await client.login("alice", "pw");
    client.connect();
    const socket = await openAndSync(p, [], { [CONV]: 4 });
    const out = client.send({ userId: BOB }, "hello 👋");
    expect(out.conversationId).toBe(CONV);
    const frame = socket.lastOfType("send");
    expect(frame).toEqual({ type: "send", clientMsgId: out.clientMsgId, to: { userId: BOB }, body: { kind: "text", text: "hello 👋" } });

    await vi.advanceTimersByTimeAsync(11_000);
    const sends = socket.framesOfType("send");
    expect(sends).toHaveLength(2);
    expect(sends[1].clientMsgId).toBe(out.clientMsgId);

    socket.receive({ type: "sent", clientMsgId: out.clientMsgId, conversationId: CONV, msgId: "99", seq: 5, ts: 1 });
    socket.receive({ type: "sent", clientMsgId: out.clientMsgId, conversationId: CONV, msgId: "99", seq: 5, ts: 1 });
    const stored = await out.result;
    expect(stored).toMatchObject({ conversationId: CONV, msgId: "99", seq: 5, from: { userId: ME, deviceId: "web-1" } });
    expect(messages).toHaveLength(1);
    expect(messages[0][1]).toEqual({ own: true, source: "sent", clientMsgId: out.clientMsgId });
    expect(client.unsent()).toEqual([]);
    client.disconnect();
  });

  it("after a drop: backs off, reconnects, syncs from its cursors and resends unconfirmed sends, each message delivered once", async () => {
    const p = platform([{ conversationId: CONV, lastSeq: 0 }]);
    const { client, messages, states } = newClient(p);
    await client.login("alice", "pw");
    client.connect();
    const first = await openAndSync(p);
    first.receive(msg(CONV, 1, BOB));
    const out = client.send({ userId: BOB }, "are you there?");
    first.serverClose(1006);
    expect(client.state).toBe("waiting");

    await vi.advanceTimersByTimeAsync(400); // back-off of the first attempt: 500 ms here
    expect(p.transport.sockets).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(p.transport.sockets).toHaveLength(2);
    const second = p.transport.last;
    second.open();
    const sync = second.lastOfType("sync");
    expect(sync.cursors).toEqual({ [CONV]: 1 });
    expect(second.framesOfType("send")).toHaveLength(0); // not before the sync completed
    second.receive({ type: "sync.page", ref: sync.ref, messages: [msg(CONV, 1, BOB), msg(CONV, 2, BOB)], cursors: { [CONV]: 2 }, hasMore: false });
    const resend = second.lastOfType("send");
    expect(resend.clientMsgId).toBe(out.clientMsgId);
    second.receive(msg(CONV, 2, BOB)); // a late push of what sync brought
    second.receive({ type: "sent", clientMsgId: out.clientMsgId, conversationId: CONV, msgId: "77", seq: 3, ts: 2 });
    await out.result;
    expect(messages.map(([m]) => m.seq)).toEqual([1, 2, 3]);
    expect(states).toEqual(["connecting", "syncing", "online", "waiting", "connecting", "syncing", "online"]);
    client.disconnect();
  });

  it("waits longer after each failed attempt and starts over once a connection got through", async () => {
    const p = platform();
    const { client } = newClient(p);
    await client.login("alice", "pw");
    client.connect();
    await settle();
    const attemptsAt: number[] = [];
    const start = Date.now();
    for (let i = 0; i < 4; i++) {
      p.transport.last.serverClose(1006); // never opened
      const before = p.transport.sockets.length;
      while (p.transport.sockets.length === before) await vi.advanceTimersByTimeAsync(100);
      attemptsAt.push(Date.now() - start);
    }
    const gaps = attemptsAt.map((t, i) => t - (i === 0 ? 0 : attemptsAt[i - 1]));
    expect(gaps[1]).toBeGreaterThan(gaps[0]);
    expect(gaps[2]).toBeGreaterThan(gaps[1]);
    await openAndSync(p);
    p.transport.last.serverClose(1006);
    const before = p.transport.sockets.length;
    await vi.advanceTimersByTimeAsync(600);
    expect(p.transport.sockets.length).toBe(before + 1);
    client.disconnect();
  });

  it("holds a message behind a gap, syncs, and hands everything over in order", async () => {
    const p = platform([{ conversationId: CONV, lastSeq: 0 }]);
    const { client, messages } = newClient(p);
    await client.login("alice", "pw");
    client.connect();
    const socket = await openAndSync(p);
    socket.receive(msg(CONV, 1, BOB));
    socket.receive(msg(CONV, 3, BOB));
    expect(messages.map(([m]) => m.seq)).toEqual([1]);
    await vi.advanceTimersByTimeAsync(300);
    const sync = socket.lastOfType("sync");
    expect(sync.cursors).toEqual({ [CONV]: 1 });
    socket.receive({ type: "sync.page", ref: sync.ref, messages: [msg(CONV, 2, BOB), msg(CONV, 3, BOB)], cursors: { [CONV]: 3 }, hasMore: false });
    expect(messages.map(([m]) => m.seq)).toEqual([1, 2, 3]);
    client.disconnect();
  });

  it("acknowledges received messages with the highest seq per conversation", async () => {
    const p = platform([{ conversationId: CONV, lastSeq: 0 }]);
    const { client } = newClient(p);
    await client.login("alice", "pw");
    client.connect();
    const socket = await openAndSync(p);
    socket.receive(msg(CONV, 1, BOB));
    socket.receive(msg(CONV, 2, BOB));
    await vi.advanceTimersByTimeAsync(1100);
    expect(socket.framesOfType("ack")).toEqual([{ type: "ack", conversationId: CONV, seq: 2 }]);
    client.disconnect();
  });

  it("stops reconnecting when the device connected elsewhere (kicked, 4001)", async () => {
    const p = platform();
    const { client } = newClient(p);
    const kicked = vi.fn();
    client.on("kicked", kicked);
    await client.login("alice", "pw");
    client.connect();
    const socket = await openAndSync(p);
    socket.receive({ type: "event", kind: "kicked", data: { reason: "this device connected again elsewhere" } });
    socket.serverClose(4001, "replaced by a newer connection");
    await vi.advanceTimersByTimeAsync(60_000);
    expect(kicked).toHaveBeenCalledWith("this device connected again elsewhere", "connected_elsewhere");
    expect(client.state).toBe("kicked");
    expect(p.transport.sockets).toHaveLength(1);
  });

  it("stops for good and asks for a new login when the session was revoked (kicked, 4003)", async () => {
    const p = platform();
    const { client } = newClient(p);
    const kicked = vi.fn();
    const expired = vi.fn();
    client.on("kicked", kicked);
    client.on("sessionExpired", expired);
    await client.login("alice", "pw");
    client.connect();
    const socket = await openAndSync(p);
    socket.receive({ type: "event", kind: "kicked", data: { code: "revoked", reason: "ended from another device" } });
    socket.serverClose(4003, "session revoked");
    await vi.advanceTimersByTimeAsync(60_000);
    expect(kicked).toHaveBeenCalledWith("ended from another device", "revoked");
    expect(expired).toHaveBeenCalledTimes(1);
    expect(client.state).toBe("kicked");
    expect(client.session.loggedIn).toBe(false);
    expect(p.transport.sockets).toHaveLength(1);
  });

  it("renews the open connection in band when the token is refreshed, and reconnects after 4004", async () => {
    const p = platform();
    const { client } = newClient(p);
    await client.login("alice", "pw");
    client.connect();
    const socket = await openAndSync(p);
    const before = p.http.count("POST /api/auth/refresh");
    await client.session.refresh();
    const auth = socket.lastOfType("auth");
    expect(auth.token).toMatch(/^a\.10001\./);
    expect(p.http.count("POST /api/auth/refresh")).toBe(before + 1);
    socket.receive({ type: "auth.ok", ref: auth.ref, expiresAt: Date.now() + 900_000 });
    expect(client.state).toBe("online");

    socket.receive({ type: "error", code: "token_expired", message: "expired", ref: null });
    socket.serverClose(4004, "token expired");
    await vi.advanceTimersByTimeAsync(1100);
    expect(p.transport.sockets).toHaveLength(2);
    expect(client.state).not.toBe("kicked");
    client.disconnect();
  });

  it("reconnects with a fresh token when the server refuses an in-band renewal", async () => {
    const p = platform();
    const { client } = newClient(p);
    await client.login("alice", "pw");
    client.connect();
    const socket = await openAndSync(p);
    await client.session.refresh();
    const auth = socket.lastOfType("auth");
    socket.receive({ type: "error", code: "invalid_token", message: "no", ref: auth.ref });
    expect(socket.closedWith).toBe(4000);
    await vi.advanceTimersByTimeAsync(1100);
    expect(p.transport.sockets).toHaveLength(2);
    client.disconnect();
  });

  it("pings while idle and drops a connection that stops answering", async () => {
    const p = platform();
    const { client } = newClient(p);
    await client.login("alice", "pw");
    client.connect();
    const socket = await openAndSync(p);
    await vi.advanceTimersByTimeAsync(31_000);
    expect(socket.framesOfType("ping").length).toBe(2); // on connect and after the default 30 s
    await vi.advanceTimersByTimeAsync(11_000);
    expect(socket.closedWith).toBe(4000);
    expect(p.transport.sockets).toHaveLength(2); // and a new connection is on its way
    client.disconnect();
  });

  it("pings more often when the server's idle timeout asks for it", async () => {
    const p = platform();
    const { client } = newClient(p);
    await client.login("alice", "pw");
    client.connect();
    const socket = await openAndSync(p);
    socket.receive({ type: "pong", ts: Date.now(), idleTimeoutMs: 6000 });
    await vi.advanceTimersByTimeAsync(6_500);
    expect(socket.framesOfType("ping").length).toBeGreaterThanOrEqual(3); // every 2 s, not every 30 s
    expect(p.transport.sockets).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(7_000); // frequent pings, none answered for over 10 s: dead
    expect(socket.closedWith).toBe(4000);
    client.disconnect();
  });

  it("retries a send the server could not take now, and fails one it refuses", async () => {
    const p = platform();
    const { client } = newClient(p);
    const failed = vi.fn();
    client.on("sendFailed", failed);
    await client.login("alice", "pw");
    client.connect();
    const socket = await openAndSync(p);
    const busy = client.send({ userId: BOB }, "later");
    socket.receive({ type: "error", code: "temporarily_unavailable", message: "retry", ref: busy.clientMsgId });
    await vi.advanceTimersByTimeAsync(2500);
    expect(socket.framesOfType("send").filter((f) => f.clientMsgId === busy.clientMsgId)).toHaveLength(2);

    const refused = client.send({ userId: 10009 }, "hi stranger");
    socket.receive({ type: "error", code: "not_friends", message: "you can only message your friends", ref: refused.clientMsgId });
    await expect(refused.result).rejects.toMatchObject({ code: "not_friends" });
    expect(failed.mock.calls[0][0]).toBeInstanceOf(SendError);
    expect(client.unsent().map((u) => u.clientMsgId)).toEqual([busy.clientMsgId]);
    client.disconnect();
  });

  it("refuses an empty or too long text without sending it", async () => {
    const p = platform();
    const { client } = newClient(p);
    await client.login("alice", "pw");
    await expect(client.send({ userId: BOB }, "").result).rejects.toMatchObject({ code: "missing_field" });
    await expect(client.send({ userId: BOB }, "😀".repeat(4097)).result).rejects.toMatchObject({ code: "text_too_long" });
    expect(client.send({ userId: BOB }, "😀".repeat(4096)).clientMsgId).toBeTruthy();
    expect(client.unsent()).toHaveLength(1);
  });

  it("keeps unsent messages across a restart and sends them with their clientMsgId", async () => {
    const storage = memoryStorage();
    const p = platform();
    const first = newClient(p, storage);
    await first.client.login("alice", "pw");
    const out = first.client.send({ userId: BOB }, "written offline");
    first.client.disconnect();

    const second = newClient(p, storage); // same storage: the app restarted
    const restored = vi.fn();
    second.client.on("outgoing", restored);
    second.client.connect();
    const socket = await openAndSync(p);
    expect(restored).toHaveBeenCalledWith(expect.objectContaining({ clientMsgId: out.clientMsgId, text: "written offline" }));
    expect(socket.lastOfType("send").clientMsgId).toBe(out.clientMsgId);
    second.client.disconnect();
  });

  it("keeps the saved outbox when the app sends before connecting after a restart", async () => {
    const storage = memoryStorage();
    const p = platform();
    const first = newClient(p, storage);
    await first.client.login("alice", "pw");
    const earlier = first.client.send({ userId: BOB }, "from before the restart");
    first.client.close();

    const second = newClient(p, storage);
    const later = second.client.send({ userId: BOB }, "right after the restart");
    expect(second.client.unsent().map((u) => u.clientMsgId)).toEqual([earlier.clientMsgId, later.clientMsgId]);
    second.client.connect();
    const socket = await openAndSync(p);
    expect(socket.framesOfType("send").map((f) => f.clientMsgId)).toEqual([earlier.clientMsgId, later.clientMsgId]);
    second.client.close();
  });

  it("treats a 4001 close without an event frame as kicked too", async () => {
    const p = platform();
    const { client } = newClient(p);
    const kicked = vi.fn();
    client.on("kicked", kicked);
    await client.login("alice", "pw");
    client.connect();
    const socket = await openAndSync(p);
    socket.serverClose(4001, "replaced by a newer connection");
    await vi.advanceTimersByTimeAsync(60_000);
    expect(kicked).toHaveBeenCalledTimes(1);
    expect(client.state).toBe("kicked");
    expect(p.transport.sockets).toHaveLength(1);
  });

  it("abandons a handshake that never completes and tries again", async () => {
    const p = platform();
    const { client } = newClient(p);
    await client.login("alice", "pw");
    client.connect();
    await settle();
    const hung = p.transport.last; // never opens
    await vi.advanceTimersByTimeAsync(16_500);
    expect(hung.closedWith).toBe(4000);
    await vi.advanceTimersByTimeAsync(1_100); // the back-off
    expect(p.transport.sockets).toHaveLength(2);
    expect(client.state).toBe("connecting");
    client.close();
  });

  it("fails the results of unsent messages on logout", async () => {
    const p = platform();
    p.http.on("POST /api/auth/logout", () => ({ status: 204, body: null }));
    const { client } = newClient(p);
    await client.login("alice", "pw");
    const out = client.send({ userId: BOB }, "never sent");
    await client.logout();
    await expect(out.result).rejects.toMatchObject({ code: "logged_out" });
    expect(client.unsent()).toEqual([]);
  });

  it("labels messages released by my own sent as pushes, and mine as sent", async () => {
    const p = platform([{ conversationId: CONV, lastSeq: 0 }]);
    const { client, messages } = newClient(p);
    await client.login("alice", "pw");
    client.connect();
    const socket = await openAndSync(p);
    const out = client.send({ userId: BOB }, "mine");
    socket.receive(msg(CONV, 2, BOB)); // bob's, behind my seq 1
    expect(messages).toHaveLength(0);
    socket.receive({ type: "sent", clientMsgId: out.clientMsgId, conversationId: CONV, msgId: "m1", seq: 1, ts: 1 });
    expect(messages.map(([m, info]) => [m.seq, info.source, info.own])).toEqual([
      [1, "sent", true],
      [2, "push", false],
    ]);
    client.close();
  });

  it("passes typed events on, social events once per eventId", async () => {
    const p = platform();
    const { client } = newClient(p);
    const requests = vi.fn();
    const presence = vi.fn();
    const receipts = vi.fn();
    client.on("friendRequest", requests);
    client.on("presence", presence);
    client.on("receipt", receipts);
    await client.login("alice", "pw");
    client.connect();
    const socket = await openAndSync(p);
    const event = { type: "event", kind: "friend.request.received", data: { version: 1, type: "friend.request.received", eventId: "e-1", userId: ME, otherUserId: BOB, requestId: 42, occurredAt: "x" } };
    socket.receive(event);
    socket.receive(event);
    socket.receive({ type: "event", kind: "presence", data: { userId: BOB, online: true } });
    socket.receive({ type: "receipt", conversationId: CONV, readerId: BOB, seq: 3 });
    expect(requests).toHaveBeenCalledTimes(1);
    expect(presence).toHaveBeenCalledWith({ userId: BOB, online: true });
    expect(receipts).toHaveBeenCalledWith({ type: "receipt", conversationId: CONV, readerId: BOB, seq: 3 });
    client.disconnect();
  });

  it("syncs when the server says its pushes were lost (event resync), and delivers what it missed", async () => {
    const p = platform([{ conversationId: CONV, lastSeq: 2 }]);
    const { client, messages } = newClient(p);
    await client.login("alice", "pw");
    client.connect();
    const socket = await openAndSync(p, [], { [CONV]: 2 });
    const syncsBefore = socket.framesOfType("sync").length;
    socket.receive({ type: "event", kind: "resync", data: { reason: "route_lost" } });
    await vi.advanceTimersByTimeAsync(300);
    const sync = socket.lastOfType("sync");
    expect(socket.framesOfType("sync")).toHaveLength(syncsBefore + 1);
    expect(sync.cursors).toEqual({ [CONV]: 2 });
    socket.receive({ type: "sync.page", ref: sync.ref, messages: [msg(CONV, 3, BOB)], cursors: { [CONV]: 3 }, hasMore: false });
    expect(messages.map(([m, i]) => `${m.seq}/${i.source}`)).toEqual(["3/sync"]);
    client.disconnect();
  });

  it("refreshes the access token before it expires and connects with the new one", async () => {
    const p = platform();
    p.http.on("POST /api/auth/login", () => ({ status: 200, body: tokens(ME, 100) }));
    const issued: string[] = [];
    p.http.on("POST /api/auth/refresh", () => {
      const answer = tokens(ME, 100);
      issued.push(answer.accessToken);
      return { status: 200, body: answer };
    });
    const { client } = newClient(p);
    await client.login("alice", "pw");
    await vi.advanceTimersByTimeAsync(79_000);
    expect(p.http.count("POST /api/auth/refresh")).toBe(0);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(p.http.count("POST /api/auth/refresh")).toBe(1);
    const refreshed = p.http.requests.filter((r) => r.url.endsWith("/refresh"))[0];
    expect(JSON.parse(refreshed.body!).refreshToken).toMatch(/^r-10001-/);
    client.connect();
    await settle();
    expect(p.transport.last.token).toBe(issued[0]);
    client.disconnect();
  });

  it("sends replies, mentions, edits, recalls, reactions and forwards through the outbox, each confirmed by sent", async () => {
    const p = platform([{ conversationId: CONV, lastSeq: 4 }]);
    const { client, messages } = newClient(p);
    await client.login("alice", "pw");
    client.connect();
    const socket = await openAndSync(p, [], { [CONV]: 4 });
    const to = { userId: BOB };

    const reply = client.send(to, "yes", { replyTo: "1000004", mentions: [BOB] });
    const edit = client.edit(to, "1000004", "fixed");
    const recall = client.recall(to, "1000003");
    const react = client.react(to, "1000002", "👍");
    const forward = client.forward(to, { conversationId: "g_7", msgId: "55" });
    expect(socket.framesOfType("send").map((f) => f.body)).toEqual([
      { kind: "text", text: "yes", replyTo: "1000004", mentions: [BOB] },
      { kind: "edit", target: "1000004", text: "fixed" },
      { kind: "recall", target: "1000003" },
      { kind: "reaction", target: "1000002", emoji: "👍", on: true },
      { kind: "forward", from: { conversationId: "g_7", msgId: "55" } },
    ]);

    [reply, edit, recall, react].forEach((out, i) =>
      socket.receive({ type: "sent", clientMsgId: out.clientMsgId, conversationId: CONV, msgId: `9${i}`, seq: 5 + i, ts: 1 }),
    );
    expect((await edit.result).body).toEqual({ kind: "edit", target: "1000004", text: "fixed" });
    expect((await reply.result).body?.replyTo).toEqual({ msgId: "1000004" });
    expect(messages.map(([m]) => m.body?.kind)).toEqual(["text", "edit", "recall", "reaction"]);

    const syncsBefore = socket.framesOfType("sync").length;
    socket.receive({ type: "sent", clientMsgId: forward.clientMsgId, conversationId: CONV, msgId: "99", seq: 9, ts: 1 });
    await forward.result;
    await vi.advanceTimersByTimeAsync(300);
    expect(socket.framesOfType("sync").length).toBe(syncsBefore + 1); // the copy's text comes by sync
    expect(client.unsent()).toEqual([]);
    client.disconnect();
  });

  it("deletes for me, clears, mutes and pins over REST", async () => {
    const p = platform();
    const calls: string[] = [];
    p.http
      .on(`DELETE /api/conversations/${CONV}/messages/77`, () => (calls.push("delete"), { status: 204, body: undefined }))
      .on(`POST /api/conversations/${CONV}/clear`, () => (calls.push("clear"), { status: 200, body: { clearedThroughSeq: 9 } }))
      .on(`PATCH /api/conversations/${CONV}/settings`, (req) => {
        calls.push(`settings ${req.body}`);
        return { status: 200, body: { conversationId: CONV, muted: true, pinned: false } };
      });
    const { client } = newClient(p);
    await client.login("alice", "pw");

    await client.deleteForMe(CONV, "77");
    expect(await client.clear(CONV)).toBe(9);
    expect(await client.setConversationSettings(CONV, { muted: true })).toEqual({ conversationId: CONV, muted: true, pinned: false });
    expect(calls).toEqual(["delete", "clear", 'settings {"muted":true}']);
  });

  it("tells the server when the app goes to the background, and says so again after a reconnect", async () => {
    const p = platform();
    const { client } = newClient(p);
    await client.login("alice", "pw");
    client.connect();
    const first = await openAndSync(p);

    client.setForeground(false);
    client.setForeground(false); // no change, no frame
    expect(first.framesOfType("state")).toEqual([{ type: "state", foreground: false }]);

    first.serverClose(1006);
    await vi.advanceTimersByTimeAsync(1000);
    const second = await openAndSync(p);
    expect(second.framesOfType("state")).toEqual([{ type: "state", foreground: false }]);

    client.setForeground(true);
    expect(second.framesOfType("state")).toEqual([
      { type: "state", foreground: false },
      { type: "state", foreground: true },
    ]);
    client.close();
  });
});
