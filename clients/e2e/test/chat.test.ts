/**
 * The web client in a real browser against a running platform:
 *   IM_GATEWAY=http://localhost:8080 npm test        (in clients/e2e; Chromium at /usr/bin/chromium)
 * Screenshots are written to $IM_E2E_ARTIFACTS (default clients/e2e/artifacts).
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gateway, launch, User } from "./browser.js";
import { png } from "./png.js";

describe.skipIf(!gateway)("web client", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("two people befriend each other, chat both ways, and one catches up after being offline", async () => {
    const alice = await User.register(browser, "alice", "Alice 🌷");
    const bob = await User.register(browser, "bob", "Bob");
    await alice.befriend(bob);

    await alice.openFriend("Bob");
    await alice.send("Hello Bob 👋");
    await bob.tab("chats");
    await bob.page.locator('[data-test="chat-item"] [data-test="unread"]', { hasText: "1" }).waitFor();
    await bob.openChatWith("Alice 🌷");
    await bob.waitForTexts(["Hello Bob 👋"]);
    await bob.send("Hi Alice!");
    await alice.waitForTexts(["Hello Bob 👋", "Hi Alice!"]);

    // bob is typing: alice sees it
    await bob.test("composer").pressSequentially("wri", { delay: 50 });
    await alice.page.locator('[data-test="chat-subtitle"]', { hasText: "typing" }).waitFor();
    await bob.test("composer").fill("");
    await alice.screenshot("01-alice-chat");

    // bob's network is cut; alice writes; nothing reaches bob until he is back, then all of it, once, in order
    await bob.context.setOffline(true);
    await bob.page.locator('[data-test="connection"]:not([data-state="online"])').waitFor({ timeout: 30_000 });
    const away = ["while you were away 1", "while you were away 2", "while you were away 3"];
    for (const text of away) await alice.send(text);
    await bob.screenshot("02-bob-offline");
    expect(await bob.texts()).toEqual(["Hello Bob 👋", "Hi Alice!"]);
    await bob.context.setOffline(false);
    await bob.connected();
    await bob.waitForTexts(["Hello Bob 👋", "Hi Alice!", ...away]);
    await bob.screenshot("03-bob-back-online");

    // bob had the chat open: alice's last message shows as read
    await alice.page.locator('[data-test="message"][data-mine="true"]', { hasText: away[2] }).locator('[data-read="true"]').waitFor();

    // text is text: markup is shown, not interpreted; long messages and emoji survive
    const markup = `<img src=x onerror="document.title='pwned'"><b>bold?</b>`;
    const long = `${"long message 🚀 ".repeat(240)}end`;
    await alice.send(markup);
    await alice.send(long);
    await bob.waitForTexts(["Hello Bob 👋", "Hi Alice!", ...away, markup, long]);
    expect(await bob.page.locator('[data-test="messages"] img, [data-test="messages"] b').count()).toBe(0);
    expect(await bob.page.title()).not.toBe("pwned");
    await bob.screenshot("04-bob-markup-and-long");

    // 35 more (sent by the page's SDK, quicker than typing), then a reload: the session is kept, the chat shows
    // the newest page of its history, and scrolling up loads the older pages until everything is there, in order
    const bobId = await bob.page.evaluate(() => (window as any).imClient.userId as number);
    const burst = Array.from({ length: 35 }, (_, i) => `burst ${i + 1}`);
    await alice.page.evaluate(
      async ({ to, texts }) => {
        for (const text of texts) await (window as any).imClient.send({ userId: to }, text).result;
      },
      { to: bobId, texts: burst },
    );
    const everything = ["Hello Bob 👋", "Hi Alice!", ...away, markup, long, ...burst];
    await bob.waitForTexts(everything);
    await alice.page.reload();
    await alice.connected();
    await alice.openChatWith("Bob");
    await expect.poll(async () => (await alice.texts()).at(-1)).toBe("burst 35");
    // bob has the chat open: alice's read ticks come back after the reload too
    await alice.page.locator('[data-test="message"][data-mine="true"]', { hasText: "burst 35" }).locator('[data-read="true"]').waitFor();
    expect((await alice.texts()).length).toBeLessThan(everything.length);
    await expect
      .poll(
        async () => {
          await alice.test("messages").evaluate((list) => (list.scrollTop = 0));
          return alice.texts();
        },
        { timeout: 20_000 },
      )
      .toEqual(everything);
    await alice.screenshot("05-alice-history-after-reload");

    await alice.context.close();
    await bob.context.close();
  });

  it("three people chat in a group", async () => {
    const owner = await User.register(browser, "olga", "Olga");
    const pete = await User.register(browser, "pete", "Pete");
    const quinn = await User.register(browser, "quinn", "Quinn");
    await owner.befriend(pete);
    await owner.befriend(quinn);

    await owner.tab("chats");
    await owner.test("new-group").click();
    await owner.test("group-name").fill("Trio 🎸");
    for (const box of await owner.page.locator('[data-test="group-member"]').all()) await box.check();
    await owner.test("group-submit").click();
    await owner.page.locator('[data-test="chat-header-title"]', { hasText: "Trio 🎸" }).waitFor();
    await owner.send("Welcome, both of you!");

    for (const member of [pete, quinn]) {
      await member.openChatWith("Trio 🎸");
      await member.waitForTexts(["Welcome, both of you!"]);
    }
    await pete.send("Thanks Olga");
    await quinn.waitForTexts(["Welcome, both of you!", "Thanks Olga"]);
    await quinn.send("Hi all 👋");
    const all = ["Welcome, both of you!", "Thanks Olga", "Hi all 👋"];
    for (const member of [owner, pete, quinn]) await member.waitForTexts(all);
    await expect.poll(() => owner.page.locator('[data-test="system-message"]').count()).toBeGreaterThan(0);
    await owner.screenshot("06-group-owner");
    await quinn.screenshot("07-group-member");

    // the owner may recall anyone's message; a plain member only their own
    const byText = (u: User, text: string) =>
      u.page.locator('[data-test="message"]').filter({ has: u.page.locator('[data-test="message-text"]', { hasText: text }) });
    await byText(quinn, "Thanks Olga").locator('[data-test="message-menu"]').click();
    await quinn.test("menu-reply").waitFor();
    expect(await quinn.page.locator('[data-test="menu-recall"]').count()).toBe(0);
    await byText(owner, "Thanks Olga").locator('[data-test="message-menu"]').click();
    await owner.test("menu-recall").click();
    const after = ["Welcome, both of you!", "This message was recalled", "Hi all 👋"];
    for (const member of [owner, pete, quinn]) await member.waitForTexts(after);

    for (const u of [owner, pete, quinn]) await u.context.close();
  });

  it("two people reply, edit, react, recall, pin and mute", async () => {
    const ann = await User.register(browser, "ann", "Ann");
    const ben = await User.register(browser, "ben", "Ben");
    await ann.befriend(ben);
    await ann.openFriend("Ben");
    await ann.send("Lunch at noon?");
    await ben.openChatWith("Ann");
    await ben.waitForTexts(["Lunch at noon?"]);

    // a message by its own text (a reply's quote repeats the text it quotes)
    const message = (u: User, text: string) =>
      u.page.locator('[data-test="message"]').filter({ has: u.page.locator('[data-test="message-text"]', { hasText: text }) });

    // ben replies: the quote shows above his text on both sides
    await message(ben, "Lunch at noon?").locator('[data-test="message-menu"]').click();
    await ben.test("menu-reply").click();
    await ben.test("composer-banner").waitFor();
    await ben.send("Sure, where?");
    for (const u of [ann, ben]) {
      await u.waitForTexts(["Lunch at noon?", "Sure, where?"]);
      await message(u, "Sure, where?").locator('[data-test="quote"]', { hasText: "Lunch at noon?" }).waitFor();
    }

    // ann edits her message: both see the new text, marked edited
    await message(ann, "Lunch at noon?").locator('[data-test="message-menu"]').click();
    await ann.test("menu-edit").click();
    await ann.test("composer").fill("Lunch at 1 pm?");
    await ann.test("composer").press("Enter");
    for (const u of [ann, ben]) {
      await u.waitForTexts(["Lunch at 1 pm?", "Sure, where?"]);
      await message(u, "Lunch at 1 pm?").locator('[data-test="edited"]').waitFor();
    }
    expect(await ann.test("composer-banner").isVisible()).toBe(false);

    // ben reacts; ann reacts with the same emoji by its chip: the count is 2 on both sides
    await message(ben, "Lunch at 1 pm?").locator('[data-test="message-menu"]').click();
    await ben.page.locator('[data-test="menu-react"][data-emoji="👍"]').click();
    await message(ann, "Lunch at 1 pm?").locator('[data-test="reaction"][data-emoji="👍"]', { hasText: "1" }).waitFor();
    await message(ann, "Lunch at 1 pm?").locator('[data-test="reaction"][data-emoji="👍"]').click();
    for (const u of [ann, ben]) {
      await message(u, "Lunch at 1 pm?").locator('[data-test="reaction"][data-emoji="👍"]', { hasText: "2" }).waitFor();
    }
    await ann.screenshot("08-reply-edit-react");

    // ben recalls his reply: a placeholder on both sides, and ann's copy keeps nothing of it
    await message(ben, "Sure, where?").locator('[data-test="message-menu"]').click();
    await ben.test("menu-recall").click();
    for (const u of [ann, ben]) await u.waitForTexts(["Lunch at 1 pm?", "This message was recalled"]);
    expect(await ann.page.locator('[data-test="messages"]').textContent()).not.toContain("Sure, where?");
    await ann.page.locator('[data-test="message"][data-recalled="true"]').waitFor();
    await ben.screenshot("09-recalled");

    // after a reload the state comes back from history, folded
    await ann.page.reload();
    await ann.connected();
    await ann.openChatWith("Ben");
    await ann.waitForTexts(["Lunch at 1 pm?", "This message was recalled"]);
    await message(ann, "Lunch at 1 pm?").locator('[data-test="reaction"][data-emoji="👍"]', { hasText: "2" }).waitFor();

    // pin and mute the chat in the list
    await ann.tab("chats");
    await ann.page.locator('[data-test="chat-item"]', { hasText: "Ben" }).locator('[data-test="pin"]').click();
    await ann.page.locator('[data-test="chat-item"]', { hasText: "Ben" }).locator('[data-test="pinned-mark"]').waitFor();
    await ann.page.locator('[data-test="chat-item"]', { hasText: "Ben" }).locator('[data-test="mute"]').click();
    await ann.page.locator('[data-test="chat-item"]', { hasText: "Ben" }).locator('[data-test="muted-mark"]').waitFor();
    await ann.screenshot("10-pinned-muted");

    await ann.context.close();
    await ben.context.close();
  });

  it("one person sends a picture and a file; the other sees the thumbnail, opens the picture and downloads the file", async () => {
    const cleo = await User.register(browser, "cleo", "Cleo");
    const dan = await User.register(browser, "dan", "Dan");
    await cleo.befriend(dan);
    await cleo.openFriend("Dan");

    // cleo attaches a picture: a progress bar while it uploads, then the thumbnail in her chat
    await cleo.test("attach-input").setInputFiles({ name: "sunset.png", mimeType: "image/png", buffer: png(800, 600) });
    await cleo.page.locator('[data-test="message"] [data-test="thumbnail"]').waitFor({ timeout: 30_000 });
    await cleo.test("attach-input").setInputFiles({
      name: "notes.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("shopping list\n".repeat(200)),
    });
    await cleo.page.locator('[data-test="message"] [data-test="file-card"]').waitFor({ timeout: 30_000 });

    await dan.openChatWith("Cleo");
    // the thumbnail is loaded (a real picture, 320 px on its longest side), not just an element
    const thumbnail = dan.page.locator('[data-test="message"] [data-test="thumbnail"]');
    await thumbnail.waitFor({ timeout: 30_000 });
    await dan.page.waitForFunction(
      () => {
        const img = document.querySelector('[data-test="thumbnail"]') as HTMLImageElement | null;
        return img !== null && img.complete && img.naturalWidth === 320 && img.naturalHeight === 240;
      },
      null,
      { timeout: 20_000 },
    );
    await dan.screenshot("12-picture-received");

    // dan opens it: the full picture, 800 x 600
    await dan.test("open-picture").click();
    await dan.page.waitForFunction(
      () => {
        const img = document.querySelector('[data-test="full-picture"]') as HTMLImageElement | null;
        return img !== null && img.complete && img.naturalWidth === 800 && img.naturalHeight === 600;
      },
      null,
      { timeout: 20_000 },
    );
    await dan.screenshot("13-picture-opened");
    await dan.test("lightbox").click();
    expect(await dan.test("lightbox").isVisible()).toBe(false);

    // the file: a card with its name and size, and a download of the same bytes
    const card = dan.page.locator('[data-test="file-card"]');
    await expect(card.locator('[data-test="file-name"]').textContent()).resolves.toBe("notes.txt");
    await expect(card.locator('[data-test="file-size"]').textContent()).resolves.toBe("2.7 KB");
    const [download] = await Promise.all([dan.page.waitForEvent("download"), card.locator('[data-test="file-download"]').click()]);
    expect(download.suggestedFilename()).toBe("notes.txt");
    const saved = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const c of saved) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe("shopping list\n".repeat(200));
  });

  it("the service worker shows a pushed message as a notification, and a click opens its conversation", async () => {
    const eve = await User.register(browser, "eve", "Eve");
    const finn = await User.register(browser, "finn", "Finn");
    await eve.befriend(finn);
    await eve.openFriend("Finn");
    await eve.send("Are you around?");
    await finn.tab("chats");
    await finn.page.locator('[data-test="chat-item"]', { hasText: "Eve" }).waitFor();
    const conversationId = await finn.page.evaluate(() => (window as any).imClient.userId as number).then(async (me) => {
      const peer = await eve.page.evaluate(() => (window as any).imClient.userId as number);
      return me < peer ? `d_${me}_${peer}` : `d_${peer}_${me}`;
    });

    // the worker is registered at load; push events are delivered to it as a push service would
    await finn.context.grantPermissions(["notifications"], { origin: gateway });
    await finn.page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    const cdp = await finn.context.newCDPSession(finn.page);
    const registrations = new Promise<string>((resolve) =>
      cdp.on("ServiceWorker.workerRegistrationUpdated", (e: { registrations: { registrationId: string; scopeURL: string }[] }) => {
        const mine = e.registrations.find((r) => r.scopeURL.startsWith(gateway));
        if (mine) resolve(mine.registrationId);
      }),
    );
    await cdp.send("ServiceWorker.enable");
    const registrationId = await registrations;
    const payload = { type: "msg", conversationId, msgId: "1", seq: 1, fromUserId: 0, title: "Eve", body: "Are you around?", badge: 1 };
    const shown = async () =>
      finn.page.evaluate(() =>
        navigator.serviceWorker.ready
          .then((r) => r.getNotifications())
          .then((ns) => ns.map((n) => ({ title: n.title, body: n.body, tag: n.tag }))),
      );
    // a push delivered while the worker is still starting up can be dropped by the browser: like a push
    // service, deliver again (same tag: it replaces, never duplicates) until it shows, with a deadline
    const deadline = Date.now() + 30_000;
    let notifications: { title: string; body: string; tag: string }[] = [];
    while (notifications.length === 0 && Date.now() < deadline) {
      await cdp.send("ServiceWorker.deliverPushMessage", { origin: new URL(gateway).origin, registrationId, data: JSON.stringify(payload) });
      const attemptEnds = Date.now() + 5_000;
      notifications = await shown();
      while (notifications.length === 0 && Date.now() < attemptEnds) {
        await finn.page.waitForTimeout(200); // polling with a deadline: the notification is shown asynchronously
        notifications = await shown();
      }
    }
    expect(notifications).toEqual([{ title: "Eve", body: "Are you around?", tag: conversationId }]);

    // clicked (the worker's click path, asked through its message port): the conversation opens
    await finn.tab("friends");
    await finn.page.evaluate(
      (tag) => navigator.serviceWorker.ready.then((r) => r.active!.postMessage({ type: "open-notification", tag })),
      conversationId,
    );
    await finn.page.locator('[data-test="chat-header-title"]', { hasText: "Eve" }).waitFor({ timeout: 20_000 });
    await expect.poll(shown, { timeout: 10_000 }).toEqual([]);
    await finn.screenshot("14-notification-opened");

    // the profile tab offers to turn notifications on; with no push service reachable here it says why not
    await finn.tab("profile");
    await finn.test("enable-notifications").click();
    await expect.poll(() => finn.test("notifications-status").textContent(), { timeout: 20_000 }).toMatch(/^Notifications (are on|could not be turned on)/);
  });
});
