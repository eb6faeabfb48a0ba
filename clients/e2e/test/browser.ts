import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { chromium, selectors, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";

/** Where the platform is (a gateway serving the web client) and where screenshots go. */
export const gateway = process.env.IM_GATEWAY ?? "";
export const artifacts = resolve(process.env.IM_E2E_ARTIFACTS ?? "artifacts");
const executablePath = process.env.IM_CHROMIUM ?? "/usr/bin/chromium";

export async function launch(): Promise<Browser> {
  mkdirSync(artifacts, { recursive: true });
  selectors.setTestIdAttribute("data-test"); // the web client marks its parts with data-test
  return chromium.launch({
    executablePath,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run"],
  });
}

export const password = "correct-horse-battery";

export function unique(prefix: string): string {
  return `${prefix}${Math.random().toString(36).slice(2, 8)}`;
}

/** One person in their own browser context (own storage, own network switch). */
export class User {
  constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    readonly username: string,
    readonly nickname: string,
  ) {}

  static async register(browser: Browser, prefix: string, nickname: string): Promise<User> {
    const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
    const page = await context.newPage();
    page.on("pageerror", (e) => console.error(`[${prefix}] page error:`, e));
    await page.goto(gateway);
    const user = new User(context, page, unique(prefix), nickname);
    await page.getByTestId("auth-switch").click();
    await page.getByTestId("username").fill(user.username);
    await page.getByTestId("password").fill(password);
    await page.getByTestId("nickname").fill(nickname);
    await page.getByTestId("auth-submit").click();
    await user.connected();
    return user;
  }

  test(id: string): Locator {
    return this.page.getByTestId(id);
  }

  async connected(): Promise<void> {
    await this.page.locator('[data-test="connection"][data-state="online"]').waitFor({ timeout: 30_000 });
  }

  async tab(name: "chats" | "friends" | "requests" | "profile"): Promise<void> {
    await this.test(`tab-${name}`).click();
  }

  async befriend(other: User): Promise<void> {
    await this.tab("friends");
    await this.test("search").fill(other.username);
    await this.test("search-submit").click();
    await this.page.locator(`[data-test="search-hit"][data-username="${other.username}"] [data-test="add-friend"]`).click();
    await other.test("badge-requests").waitFor();
    await other.tab("requests");
    await other.test("accept").first().click();
    await this.page.locator('[data-test="friend"]', { hasText: other.nickname }).waitFor();
  }

  async openChatWith(name: string): Promise<void> {
    await this.tab("chats");
    await this.page.locator('[data-test="chat-item"]', { hasText: name }).first().click();
    await this.page.locator('[data-test="chat-header-title"]', { hasText: name }).waitFor();
  }

  async openFriend(name: string): Promise<void> {
    await this.tab("friends");
    await this.page.locator('[data-test="friend"]', { hasText: name }).click();
    await this.page.locator('[data-test="chat-header-title"]', { hasText: name }).waitFor();
  }

  /** Sends and waits until the server confirmed it (no pending bubble left). */
  async send(text: string): Promise<void> {
    await this.test("composer").fill(text);
    await this.test("composer").press("Enter");
    await this.page.waitForFunction(() => document.querySelectorAll('[data-test="pending-message"]').length === 0, null, { timeout: 20_000 });
  }

  /** The texts of the open chat's messages, in display order. */
  async texts(): Promise<string[]> {
    return this.page.locator('[data-test="message"] [data-test="message-text"]').allTextContents();
  }

  async waitForTexts(expected: string[], timeout = 20_000): Promise<void> {
    await this.page.waitForFunction(
      (want) => {
        const got = [...document.querySelectorAll('[data-test="message"] [data-test="message-text"]')].map((e) => e.textContent);
        return JSON.stringify(got) === JSON.stringify(want);
      },
      expected,
      { timeout },
    ).catch(async (e) => {
      throw new Error(`${this.nickname} shows ${JSON.stringify(await this.texts())}, expected ${JSON.stringify(expected)}: ${e}`);
    });
  }

  async screenshot(name: string): Promise<string> {
    const path = resolve(artifacts, `${name}.png`);
    await this.page.screenshot({ path, fullPage: true });
    return path;
  }
}
