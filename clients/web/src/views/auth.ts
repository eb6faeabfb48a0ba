import type { ImClient } from "@chatforge/im-sdk";
import { describe } from "./widgets.js";
import { h, replaceChildren } from "../dom.js";

/** Log in or create an account; calls `done` once logged in. */
export function authView(root: HTMLElement, client: ImClient, done: () => void, notice?: string): void {
  let mode: "login" | "register" = "login";
  const error = h("p", { class: "error", role: "alert", "data-test": "auth-error" });
  const username = h("input", { name: "username", autocomplete: "username", required: true, placeholder: "username", "data-test": "username" });
  const password = h("input", { name: "password", type: "password", autocomplete: "current-password", required: true, placeholder: "password (8+ characters)", "data-test": "password" });
  const nickname = h("input", { name: "nickname", placeholder: "nickname (optional)", "data-test": "nickname" });
  const submit = h("button", { type: "submit", class: "primary", "data-test": "auth-submit" }, "Log in");
  const switcher = h("button", { type: "button", class: "link", "data-test": "auth-switch" });
  const nicknameRow = h("label", null, "Nickname", nickname);

  const render = () => {
    submit.textContent = mode === "login" ? "Log in" : "Create account";
    switcher.textContent = mode === "login" ? "No account yet? Register" : "Have an account? Log in";
    nicknameRow.hidden = mode === "login";
    password.autocomplete = mode === "login" ? "current-password" : "new-password";
  };

  const form = h(
    "form",
    {
      class: "auth",
      onsubmit: async (e: Event) => {
        e.preventDefault();
        error.textContent = "";
        submit.disabled = true;
        try {
          if (mode === "register") {
            await client.register(username.value.trim(), password.value, nickname.value.trim() || undefined);
          }
          await client.login(username.value.trim(), password.value);
          done();
        } catch (err) {
          error.textContent = describe(err);
        } finally {
          submit.disabled = false;
        }
      },
    },
    h("h1", null, "ChatForge IM"),
    notice ? h("p", { class: "notice" }, notice) : null,
    h("label", null, "Username", username),
    h("label", null, "Password", password),
    nicknameRow,
    error,
    submit,
    switcher,
  );
  switcher.addEventListener("click", () => {
    mode = mode === "login" ? "register" : "login";
    error.textContent = "";
    render();
  });
  render();
  replaceChildren(root, h("div", { class: "auth-page" }, form));
  username.focus();
}
