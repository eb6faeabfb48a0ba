import { ApiError, toApiError, type Http, type HttpResponse } from "./http.js";
import { newClientMsgId } from "./ids.js";
import { readJson, writeJson, type KeyValueStorage } from "./storage.js";
import type { RegistrationResponse, TokenResponse } from "./types.js";

export type DeviceType = "web" | "ios" | "android" | "desktop" | "miniprogram" | "other";

export interface StoredTokens {
  accessToken: string;
  refreshToken: string;
  /** epoch ms when the access token stops being accepted */
  expiresAt: number;
  userId: number;
}

export interface SessionOptions {
  baseUrl: string;
  http: Http;
  storage: KeyValueStorage;
  storageKey: string;
  deviceId: string;
  deviceType: DeviceType;
  /** called when the refresh token stopped working: the user must log in again */
  onExpired: () => void;
  /** called whenever new tokens are in place */
  onTokens?: (tokens: StoredTokens) => void;
  now?: () => number;
}

/**
 * The user's tokens: login, refresh ahead of expiry (a timer at 80 % of the lifetime, and on
 * demand), one refresh at a time (a refresh token works once: two parallel refreshes would
 * revoke the session), and authorised requests that survive an expired token.
 */
export class Session {
  private tokens: StoredTokens | null;
  private refreshing: Promise<StoredTokens> | null = null;
  /** the Idempotency-Key of a registration until it succeeded, per username asked for */
  private readonly registrationKeys: Record<string, string> = {};
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly now: () => number;

  constructor(private readonly options: SessionOptions) {
    this.now = options.now ?? Date.now;
    this.tokens = readJson<StoredTokens>(options.storage, this.key);
    if (this.tokens) this.schedule();
  }

  get userId(): number | null {
    return this.tokens?.userId ?? null;
  }

  get loggedIn(): boolean {
    return this.tokens !== null;
  }

  get deviceId(): string {
    return this.options.deviceId;
  }

  /**
   * Creates an account. A taken username is always 409; a repeat of this call for the same username
   * (after a network error or a 503) sends the same Idempotency-Key, so the server answers it like
   * the first attempt instead of 409.
   */
  async register(username: string, password: string, nickname?: string): Promise<RegistrationResponse> {
    const key = (this.registrationKeys[username] ??= newClientMsgId());
    const response = await this.call<RegistrationResponse>(
      "POST",
      "/api/auth/register",
      { username, password, nickname },
      false,
      { "Idempotency-Key": key },
    );
    delete this.registrationKeys[username];
    return response;
  }

  async login(username: string, password: string): Promise<number> {
    const response = await this.call<TokenResponse>(
      "POST",
      "/api/auth/login",
      { username, password, deviceId: this.options.deviceId, deviceType: this.options.deviceType },
      false,
    );
    this.store(response);
    return response.userId;
  }

  /** Ends this device's session on the server (best effort) and forgets the tokens. */
  async logout(): Promise<void> {
    if (this.tokens) {
      try {
        await this.call("POST", "/api/auth/logout", undefined, true);
      } catch {
        // the tokens are forgotten anyway; they expire on their own
      }
    }
    this.clear();
  }

  /** An access token valid for at least `minValidityMs` more, refreshing first if needed. */
  async accessToken(minValidityMs = 30_000): Promise<string> {
    if (!this.tokens) throw new ApiError(401, "not_logged_in", "log in first", null);
    if (this.tokens.expiresAt - this.now() < minValidityMs) {
      return (await this.refresh()).accessToken;
    }
    return this.tokens.accessToken;
  }

  /** Refreshes now; parallel callers share one refresh. */
  refresh(): Promise<StoredTokens> {
    if (!this.refreshing) {
      this.refreshing = this.doRefresh().finally(() => (this.refreshing = null));
    }
    return this.refreshing;
  }

  /** A JSON request to the platform; with `authorized`, the token is attached and renewed on 401. */
  async call<T>(
    method: string,
    path: string,
    body: unknown,
    authorized: boolean,
    extraHeaders: Record<string, string> = {},
  ): Promise<T> {
    let response = await this.exchange(method, path, body, authorized ? await this.accessToken() : null, extraHeaders);
    if (authorized && response.status === 401 && response.body?.code === "invalid_token" && this.tokens) {
      // revoked keys, a clock that was off, a token that expired in flight: one refresh, one retry
      await this.refresh();
      response = await this.exchange(method, path, body, this.tokens!.accessToken, extraHeaders);
    }
    if (response.status >= 200 && response.status < 300) return response.body as T;
    throw toApiError(response);
  }

  /** The server ended this session (logout elsewhere, revoked): forget the tokens, tell the app. */
  expire(): void {
    if (!this.tokens) return;
    this.clear();
    this.options.onExpired();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async exchange(
    method: string,
    path: string,
    body: unknown,
    token: string | null,
    extraHeaders: Record<string, string> = {},
  ): Promise<HttpResponse> {
    const headers: Record<string, string> = { Accept: "application/json", ...extraHeaders };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (token) headers.Authorization = `Bearer ${token}`;
    try {
      return await this.options.http({
        method,
        url: this.options.baseUrl + path,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (e) {
      throw toApiError(null, e);
    }
  }

  private async doRefresh(): Promise<StoredTokens> {
    const current = this.tokens;
    if (!current) throw new ApiError(401, "not_logged_in", "log in first", null);
    try {
      const response = await this.call<TokenResponse>(
        "POST",
        "/api/auth/refresh",
        { refreshToken: current.refreshToken },
        false,
      );
      return this.store(response);
    } catch (e) {
      if (e instanceof ApiError && (e.code === "invalid_refresh_token" || e.status === 401)) {
        this.clear();
        this.options.onExpired();
      } else {
        this.scheduleIn(5_000); // network or server trouble: try again soon, the token may still work
      }
      throw e;
    }
  }

  private store(response: TokenResponse): StoredTokens {
    this.tokens = {
      accessToken: response.accessToken,
      refreshToken: response.refreshToken,
      expiresAt: this.now() + response.expiresIn * 1000,
      userId: response.userId,
    };
    writeJson(this.options.storage, this.key, this.tokens);
    this.schedule();
    this.options.onTokens?.(this.tokens);
    return this.tokens;
  }

  private clear(): void {
    this.dispose();
    this.tokens = null;
    this.options.storage.removeItem(this.key);
  }

  /** Refresh when 80 % of the token's remaining life has passed. */
  private schedule(): void {
    if (!this.tokens) return;
    const remaining = this.tokens.expiresAt - this.now();
    this.scheduleIn(Math.max(0, remaining * 0.8));
  }

  private scheduleIn(ms: number): void {
    this.dispose();
    this.timer = setTimeout(() => {
      this.timer = null;
      this.refresh().catch(() => {});
    }, ms);
  }

  private get key(): string {
    return `${this.options.storageKey}.session`;
  }
}
