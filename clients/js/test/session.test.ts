import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "../src/http.js";
import { Session } from "../src/session.js";
import { memoryStorage } from "../src/storage.js";
import { FakeHttp, tokens } from "./fakes.js";

function session(http: FakeHttp, onExpired = vi.fn()) {
  return new Session({
    baseUrl: "http://gateway.test",
    http: http.http,
    storage: memoryStorage(),
    storageKey: "t",
    deviceId: "web-1",
    deviceType: "web",
    onExpired,
  });
}

describe("Session", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("logs in with the device and keeps the user id", async () => {
    const http = new FakeHttp().on("POST /api/auth/login", (_r, body) => {
      expect(body).toEqual({ username: "alice", password: "pw", deviceId: "web-1", deviceType: "web" });
      return { status: 200, body: tokens(10001) };
    });
    const s = session(http);
    expect(await s.login("alice", "pw")).toBe(10001);
    expect(s.userId).toBe(10001);
    s.dispose();
  });

  it("repeats a failed registration with the same Idempotency-Key, and a new one afterwards", async () => {
    const keys: string[] = [];
    let answer = 503;
    const http = new FakeHttp().on("POST /api/auth/register", (request) => {
      keys.push(request.headers["Idempotency-Key"]);
      return answer === 503
        ? { status: 503, body: { status: 503, code: "registration_incomplete" } }
        : { status: 201, body: { userId: 10001, username: "alice" } };
    });
    const s = session(http);
    await expect(s.register("alice", "pw-pw-pw-pw")).rejects.toBeInstanceOf(ApiError);
    answer = 201;
    await s.register("alice", "pw-pw-pw-pw");
    await s.register("alice", "pw-pw-pw-pw");
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it("turns a problem+json answer into an ApiError with code and Retry-After", async () => {
    const http = new FakeHttp().on("POST /api/auth/login", () => ({
      status: 429,
      body: { status: 429, code: "too_many_login_attempts", detail: "wait" },
      headers: { "retry-after": "30" },
    }));
    const error = await session(http).login("alice", "bad").catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429, code: "too_many_login_attempts", retryAfter: 30, retryable: true });
  });

  it("shares one refresh between parallel callers (a refresh token works once)", async () => {
    const http = new FakeHttp()
      .on("POST /api/auth/login", () => ({ status: 200, body: tokens(10001, 20) }))
      .on("POST /api/auth/refresh", () => ({ status: 200, body: tokens(10001, 900) }));
    const s = session(http);
    await s.login("alice", "pw");
    const [a, b, c] = await Promise.all([s.accessToken(), s.accessToken(), s.accessToken()]);
    expect(new Set([a, b, c]).size).toBe(1);
    expect(http.count("POST /api/auth/refresh")).toBe(1);
    s.dispose();
  });

  it("refreshes once and retries when a request's token is refused", async () => {
    let calls = 0;
    const http = new FakeHttp()
      .on("POST /api/auth/login", () => ({ status: 200, body: tokens(10001) }))
      .on("POST /api/auth/refresh", () => ({ status: 200, body: tokens(10001) }))
      .on("GET /api/users/me", (r) =>
        ++calls === 1
          ? { status: 401, body: { code: "invalid_token" } }
          : { status: 200, body: { id: 10001, auth: r.headers.Authorization } },
      );
    const s = session(http);
    await s.login("alice", "pw");
    const me = await s.call<any>("GET", "/api/users/me", undefined, true);
    expect(me.id).toBe(10001);
    expect(http.count("POST /api/auth/refresh")).toBe(1);
    s.dispose();
  });

  it("ends the session when the refresh token is refused", async () => {
    const onExpired = vi.fn();
    const http = new FakeHttp()
      .on("POST /api/auth/login", () => ({ status: 200, body: tokens(10001, 10) }))
      .on("POST /api/auth/refresh", () => ({ status: 401, body: { code: "invalid_refresh_token" } }));
    const s = session(http, onExpired);
    await s.login("alice", "pw");
    await vi.advanceTimersByTimeAsync(9_000);
    expect(onExpired).toHaveBeenCalledTimes(1);
    expect(s.loggedIn).toBe(false);
  });
});
