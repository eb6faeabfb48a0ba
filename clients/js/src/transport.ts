/**
 * The one place that knows how a platform opens a WebSocket. The SDK needs four callbacks and
 * two methods; browsers (and Node with the `ws` package) and uni-app provide them differently.
 */
export interface SocketHandlers {
  onOpen(): void;
  onMessage(text: string): void;
  /** once per socket, also when it never opened */
  onClose(code: number, reason: string): void;
}

export interface Socket {
  send(text: string): void;
  close(code?: number, reason?: string): void;
}

export interface Transport {
  /** Opens `url` authenticated with `token`; every outcome is reported through `handlers`. */
  open(url: string, token: string, handlers: SocketHandlers): Socket;
}

/** The part of the standard WebSocket the SDK uses (browsers, Node's `ws`, Deno, Bun). */
export interface WebSocketLike {
  readonly readyState: number;
  onopen: ((event: any) => void) | null;
  onmessage: ((event: { data: any }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: any) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export type WebSocketConstructor = new (url: string, protocols?: string | string[]) => WebSocketLike;

/**
 * Browsers cannot set headers on a WebSocket: the token travels as the second subprotocol, after
 * `im.v1` (which the server selects), so it never lands in URLs or access logs.
 */
export function webSocketTransport(WebSocketImpl?: WebSocketConstructor): Transport {
  return {
    open(url, token, handlers) {
      const Impl = WebSocketImpl ?? (globalThis as any).WebSocket;
      if (!Impl) {
        throw new Error("no WebSocket in this environment: pass one to webSocketTransport()");
      }
      const ws: WebSocketLike = new Impl(url, ["im.v1", token]);
      let closed = false;
      ws.onopen = () => handlers.onOpen();
      ws.onmessage = (event) => {
        if (typeof event.data === "string") handlers.onMessage(event.data);
        else handlers.onMessage(String(event.data)); // Node's ws hands over Buffers
      };
      ws.onclose = (event) => {
        if (closed) return;
        closed = true;
        handlers.onClose(event.code, event.reason ?? "");
      };
      ws.onerror = () => {
        // a close event follows; nothing to do here
      };
      return {
        send: (text) => ws.send(text),
        close: (code, reason) => {
          try {
            ws.close(code, reason);
          } catch {
            ws.close();
          }
        },
      };
    },
  };
}

/** The subset of uni-app's `uni` object the adapters use (https://uniapp.dcloud.net.cn/api/). */
export interface UniLike {
  connectSocket(options: {
    url: string;
    header?: Record<string, string>;
    protocols?: string[];
    complete?: () => void;
  }): UniSocketTask;
  request(options: {
    url: string;
    method?: string;
    header?: Record<string, string>;
    data?: unknown;
    dataType?: string;
    success?: (result: { statusCode: number; data: unknown; header: Record<string, string> }) => void;
    fail?: (error: { errMsg: string }) => void;
  }): unknown;
  /** media (uniAppUploader, uniAppDownload) */
  getFileSystemManager?(): {
    readFile(options: {
      filePath: string;
      success?: (result: { data: ArrayBuffer | string }) => void;
      fail?: (error: { errMsg: string }) => void;
    }): void;
  };
  downloadFile?(options: {
    url: string;
    success?: (result: { statusCode: number; tempFilePath: string }) => void;
    fail?: (error: { errMsg: string }) => void;
  }): unknown;
  /** push (uniAppPushToken) */
  getPushClientId?(options: { success?: (result: { cid: string }) => void; fail?: (error: { errMsg: string }) => void }): void;
  getStorageSync?(key: string): any;
  setStorageSync?(key: string, value: any): void;
  removeStorageSync?(key: string): void;
}

export interface UniSocketTask {
  onOpen(callback: () => void): void;
  onMessage(callback: (result: { data: string | ArrayBuffer }) => void): void;
  onClose(callback: (result: { code?: number; reason?: string }) => void): void;
  onError(callback: (error: unknown) => void): void;
  send(options: { data: string; fail?: (error: unknown) => void }): void;
  close(options: { code?: number; reason?: string }): void;
}

/**
 * uni-app (App, H5 and mini programs): `uni.connectSocket` returns a SocketTask. The token goes
 * both as subprotocol (H5 cannot send headers) and as `Authorization` header (mini programs that
 * drop unknown subprotocols); the server reads whichever arrives.
 */
export function uniAppTransport(uni: UniLike): Transport {
  return {
    open(url, token, handlers) {
      const task = uni.connectSocket({
        url,
        protocols: ["im.v1", token],
        header: { Authorization: `Bearer ${token}` },
        complete: () => {},
      });
      let closed = false;
      const closeOnce = (code: number, reason: string) => {
        if (closed) return;
        closed = true;
        handlers.onClose(code, reason);
      };
      task.onOpen(() => handlers.onOpen());
      task.onMessage((result) => {
        if (typeof result.data === "string") handlers.onMessage(result.data);
      });
      task.onClose((result) => closeOnce(result?.code ?? 1006, result?.reason ?? ""));
      // some platforms report a failed connect only as an error, never as a close
      task.onError(() => closeOnce(1006, "error"));
      return {
        send: (text) => task.send({ data: text, fail: () => closeOnce(1006, "send failed") }),
        close: (code, reason) => task.close({ code: code ?? 1000, reason: reason ?? "" }),
      };
    },
  };
}
