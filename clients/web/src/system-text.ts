import type { MsgFrame } from "@chatforge/im-sdk";

/** A group's system message (docs/api.md#system-messages) as a sentence. */
export function systemText(m: MsgFrame, name: (userId: number) => string): string {
  let event: { event?: string; actorId?: number; name?: string; userIds?: number[]; until?: number };
  try {
    event = JSON.parse(m.body?.text ?? "");
  } catch {
    return "(group change)";
  }
  const actor = name(event.actorId ?? m.from.userId);
  const users = (event.userIds ?? []).map(name).join(", ");
  switch (event.event) {
    case "group.created":
      return `${actor} created the group "${event.name ?? ""}"`;
    case "group.renamed":
      return `${actor} renamed the group to "${event.name ?? ""}"`;
    case "group.updated":
      return `${actor} changed the group settings`;
    case "members.joined":
      return `${actor} added ${users}`;
    case "member.left":
      return `${actor} left`;
    case "member.kicked":
      return `${actor} removed ${users}`;
    case "admin.added":
      return `${actor} made ${users} an admin`;
    case "admin.removed":
      return `${actor} made ${users} a member`;
    case "owner.transferred":
      return `${actor} handed the group to ${users}`;
    case "member.muted":
      return `${actor} muted ${users}${event.until ? ` until ${new Date(event.until).toLocaleString()}` : ""}`;
    case "member.unmuted":
      return `${actor} unmuted ${users}`;
    case "group.dissolved":
      return `${actor} dissolved the group`;
    default:
      return "(group change)";
  }
}

export function preview(m: MsgFrame | undefined, name: (userId: number) => string, shown?: string | null): string {
  if (!m) return "";
  if (m.recalled || m.body === null || shown === null) return "This message was recalled";
  if (m.body.kind === "system") return systemText(m, name);
  if (m.body.kind === "image") return `🖼 Photo${m.body.caption ? `: ${m.body.caption}` : ""}`;
  if (m.body.kind === "file" || m.body.kind === "audio" || m.body.kind === "video") return `📎 ${m.body.fileName ?? "File"}`;
  if (m.body.kind !== "text") return "(unsupported message)";
  const text = shown ?? m.edited?.text ?? m.body.text ?? "";
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
