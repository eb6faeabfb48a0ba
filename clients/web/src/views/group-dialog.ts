import { h } from "../dom.js";
import type { ChatState } from "../state.js";
import { describe, personChip } from "./widgets.js";

/** Create a group of friends, or (with a group id) add friends to it. */
export class GroupDialog {
  private readonly dialog: HTMLDialogElement;

  constructor(
    private readonly state: ChatState,
    private readonly groupId?: number,
  ) {
    const s = state;
    const name = h("input", { name: "name", required: true, maxlength: 64, placeholder: "Group name", "data-test": "group-name" });
    const error = h("p", { class: "error", "data-test": "group-error" });
    const boxes = [...s.friends.keys()].map((userId) => {
      const box = h("input", { type: "checkbox", value: userId, "data-test": "group-member", "data-user": userId });
      return { userId, box, row: h("label", { class: "check" }, box, personChip(s, userId)) };
    });
    const form = h(
      "form",
      {
        method: "dialog",
        onsubmit: async (e: Event) => {
          e.preventDefault();
          const ids = boxes.filter((b) => b.box.checked).map((b) => b.userId);
          try {
            if (this.groupId) {
              if (ids.length) await s.client.api.groups.addMembers(this.groupId, ids);
            } else {
              const group = await s.client.api.groups.create(name.value.trim(), ids);
              s.chats.get(group.conversationId) ?? (await s.loadConversations());
              s.open(group.conversationId);
            }
            this.dialog.close();
          } catch (err) {
            error.textContent = describe(err);
          }
        },
      },
      h("h2", null, groupId ? "Add friends to the group" : "New group"),
      groupId ? null : h("label", null, "Name", name),
      h("div", { class: "checks" }, boxes.length ? boxes.map((b) => b.row) : h("p", { class: "empty" }, "Add friends first.")),
      error,
      h(
        "div",
        { class: "actions" },
        h("button", { type: "button", onclick: () => this.dialog.close() }, "Cancel"),
        h("button", { type: "submit", class: "primary", "data-test": "group-submit" }, groupId ? "Add" : "Create"),
      ),
    );
    this.dialog = h("dialog", { class: "dialog", "data-test": "group-dialog" }, form);
    this.dialog.addEventListener("close", () => this.dialog.remove());
  }

  open(): void {
    document.body.appendChild(this.dialog);
    this.dialog.showModal();
  }
}
