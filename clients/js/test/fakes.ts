import type { Http, HttpRequest } from "../src/http.js";
import type { Socket, SocketHandlers, Transport } from "../src/transport.js";

/** A socket the test plays the server for: it opens, answers and closes when told. */
export class FakeSocket implements Socket {
  readonly sent: any[] = [];
  closedWith: number | null = null;

  constructor(
    readonly url: string,
    readonly token: string,
    private readonly handlers: SocketHandlers,
  ) {}

  send(text: string): void {
    this.sent.push(JSON.parse(text));
  }

  close(code?: number): void {
    this.closedWith = code ?? 1000;
  }

  open(): void {
    this.handlers.onOpen();
  }

  receive(frame: object): void {
    this.handlers.onMessage(JSON.stringify(frame));
  }

  serverClose(code: number, reason = ""): void {
    this.handlers.onClose(code, reason);
  }

  framesOfType(type: string): any[] {
    return this.sent.filter((f) => f.type === type);
  }

  lastOfType(type: string): any {
    const frames = this.framesOfType(type);
    return frames[frames.length - 1];
  }
}

export class FakeTransport implements Transport {
  readonly sockets: FakeSocket[] = [];

  open(url: string, token: string, handlers: SocketHandlers): Socket {
    const socket = new FakeSocket(url, token, handlers);
    this.sockets.push(socket);
    return socket;
  }

  get last(): FakeSocket {
    return this.sockets[this.sockets.length - 1];
  }
}

type Route = (request: HttpRequest, body: any) => { status: number; body?: unknown; headers?: Record<string, string> };

/** HTTP answered by the test's routes ("POST /api/auth/login"); anything else is a 404. */
export class FakeHttp {
  readonly requests: HttpRequest[] = [];
  private readonly routes = new Map<string, Route>();

  on(methodAndPath: string, route: Route): this {
    this.routes.set(methodAndPath, route);
    return this;
  }

  readonly http: Http = async (request) => {
    this.requests.push(request);
    const path = new URL(request.url).pathname;
    const route = this.routes.get(`${request.method} ${path}`);
    if (!route) return { status: 404, body: { code: "not_found" }, headers: {} };
    const answer = route(request, request.body ? JSON.parse(request.body) : undefined);
    return { status: answer.status, body: answer.body, headers: answer.headers ?? {} };
  };

  count(methodAndPath: string): number {
    return this.requests.filter((r) => `${r.method} ${new URL(r.url).pathname}` === methodAndPath).length;
  }
}

let tokenCounter = 0;

/** A login/refresh answer with a fresh token. */
export function tokens(userId: number, expiresIn = 900) {
  tokenCounter++;
  return {
    accessToken: `a.${userId}.${tokenCounter}`,
    refreshToken: `r-${userId}-${tokenCounter}`,
    tokenType: "Bearer",
    expiresIn,
    userId,
  };
}

export function msg(conversationId: string, seq: number, fromUserId: number, text = `m${seq}`) {
  return {
    type: "msg",
    conversationId,
    msgId: String(1_000_000 + seq),
    seq,
    from: { userId: fromUserId, deviceId: "dev" },
    body: { kind: "text", text },
    ts: 1_795_000_000_000 + seq,
  };
}
