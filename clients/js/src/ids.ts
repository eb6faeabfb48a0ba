import type { Target } from "./types.js";

/** `d_<low>_<high>` for two users, `g_<id>` for a group (docs/protocol.md#conversation-ids). */
export function conversationIdOf(me: number, to: Target): string {
  if ("groupId" in to) return `g_${to.groupId}`;
  const [low, high] = me < to.userId ? [me, to.userId] : [to.userId, me];
  return `d_${low}_${high}`;
}

/** The other user of a direct conversation, or the group of a group conversation. */
export function targetOf(me: number, conversationId: string): Target {
  if (conversationId.startsWith("g_")) return { groupId: Number(conversationId.slice(2)) };
  const [, a, b] = conversationId.split("_").map(Number);
  return { userId: a === me ? b : a };
}

/** A random UUID v4, also where `crypto.randomUUID` is missing (older WebViews, mini programs). */
export function newClientMsgId(): string {
  const c = (globalThis as any).crypto;
  if (c?.randomUUID) return c.randomUUID();
  const bytes = new Uint8Array(16);
  if (c?.getRandomValues) c.getRandomValues(bytes);
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Characters as the server counts them (Unicode code points: an emoji is one). */
export function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}
