import type { UniLike } from "./transport.js";

/** One HTTP exchange as the SDK needs it; `fetchHttp` and `uniAppHttp` provide it. */
export interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** already JSON-encoded, or undefined for no body */
  body?: string;
}

export interface HttpResponse {
  status: number;
  /** the parsed JSON body, or undefined when there is none */
  body: any;
  /** lower-case header names */
  headers: Record<string, string>;
}

export type Http = (request: HttpRequest) => Promise<HttpResponse>;

/** An answer of the platform that is not a success: its problem+json, flattened. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** the stable `code` (e.g. "invalid_credentials"), or "network_error" when nothing came back */
    readonly code: string,
    readonly detail: string,
    /** seconds from `Retry-After`, if the server sent it */
    readonly retryAfter: number | null,
    readonly problem: Record<string, unknown> = {},
  ) {
    super(`${status} ${code}: ${detail}`);
    this.name = "ApiError";
  }

  /** Worth trying again later with the same request. */
  get retryable(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }
}

export function fetchHttp(fetchImpl?: typeof fetch): Http {
  return async (request) => {
    const f = fetchImpl ?? globalThis.fetch.bind(globalThis);
    const response = await f(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
    });
    const text = await response.text();
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => (headers[key.toLowerCase()] = value));
    return { status: response.status, body: text ? safeJson(text) : undefined, headers };
  };
}

export function uniAppHttp(uni: UniLike): Http {
  return (request) =>
    new Promise((resolve, reject) => {
      uni.request({
        url: request.url,
        method: request.method,
        header: request.headers,
        data: request.body,
        dataType: "text", // parsed here, so that msgId strings and problem bodies are handled alike
        success: (result) => {
          const headers: Record<string, string> = {};
          for (const [key, value] of Object.entries(result.header ?? {})) headers[key.toLowerCase()] = String(value);
          const data = result.data;
          resolve({
            status: result.statusCode,
            body: typeof data === "string" ? (data ? safeJson(data) : undefined) : data,
            headers,
          });
        },
        fail: (error) => reject(new Error(error.errMsg)),
      });
    });
}

function safeJson(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return { detail: text };
  }
}

/** Turns a failed exchange into an ApiError; network failures get status 0. */
export function toApiError(response: HttpResponse | null, cause?: unknown): ApiError {
  if (!response) {
    return new ApiError(0, "network_error", cause instanceof Error ? cause.message : String(cause), null);
  }
  const body = (response.body ?? {}) as Record<string, unknown>;
  const retryAfter = response.headers["retry-after"];
  return new ApiError(
    response.status,
    typeof body.code === "string" ? body.code : `http_${response.status}`,
    typeof body.detail === "string" ? body.detail : typeof body.title === "string" ? body.title : "",
    retryAfter !== undefined && !Number.isNaN(Number(retryAfter)) ? Number(retryAfter) : null,
    body,
  );
}
