import type { ImApi } from "./api.js";
import { ApiError } from "./http.js";
import type { UniLike } from "./transport.js";
import type { MediaKind, MediaView } from "./types.js";

/**
 * What can be uploaded: a `Blob`/`File` (browsers), bytes (`ArrayBuffer`, `Uint8Array`), or a
 * uni-app file path with its size.
 */
export type MediaData = Blob | ArrayBuffer | Uint8Array | { path: string; size: number; name?: string; type?: string };

/** Progress of one upload: bytes sent of the total. */
export type UploadProgress = (sent: number, total: number) => void;

/**
 * PUTs bytes to a presigned URL with exactly the headers given (no token: the URL is the
 * credential); resolves with the HTTP status, rejects on a network failure.
 */
export interface Uploader {
  put(url: string, headers: Record<string, string>, data: MediaData, onProgress?: UploadProgress): Promise<number>;
}

export interface UploadOptions {
  fileName?: string;
  contentType?: string;
  durationMs?: number;
  onProgress?: UploadProgress;
  /** PUT attempts on a network failure or a 5xx before giving up (default 3) */
  attempts?: number;
}

/** The size, name and type of what is uploaded, from the data itself where it knows them. */
export function describe(data: MediaData, options: UploadOptions): { size: number; fileName: string; contentType: string } {
  if (typeof Blob !== "undefined" && data instanceof Blob) {
    const name = (data as Blob & { name?: string }).name;
    return {
      size: data.size,
      fileName: options.fileName ?? name ?? "file",
      contentType: options.contentType ?? (data.type || "application/octet-stream"),
    };
  }
  if (data instanceof ArrayBuffer || data instanceof Uint8Array) {
    return {
      size: data.byteLength,
      fileName: options.fileName ?? "file",
      contentType: options.contentType ?? "application/octet-stream",
    };
  }
  const file = data as { path: string; size: number; name?: string; type?: string };
  return {
    size: file.size,
    fileName: options.fileName ?? file.name ?? "file",
    contentType: options.contentType ?? file.type ?? "application/octet-stream",
  };
}

/**
 * One upload from start to ready: announce it, PUT the bytes (again after a network failure or a
 * 5xx, with a short back-off; a fresh URL when the old one expired), then complete it.
 */
export async function uploadMedia(
  api: ImApi,
  uploader: Uploader,
  kind: MediaKind,
  data: MediaData,
  options: UploadOptions = {},
): Promise<MediaView> {
  const { size, fileName, contentType } = describe(data, options);
  let ticket = await api.media.announce({ kind, contentType, size, fileName, durationMs: options.durationMs });
  const attempts = Math.max(1, options.attempts ?? 3);
  for (let attempt = 1; ; attempt++) {
    let status: number;
    try {
      if (Date.now() > ticket.expiresAt - 5_000) {
        ticket = await api.media.announce({ kind, contentType, size, fileName, durationMs: options.durationMs });
      }
      status = await uploader.put(ticket.upload.url, ticket.upload.headers, data, options.onProgress);
    } catch (e) {
      if (attempt >= attempts) throw new ApiError(0, "network_error", e instanceof Error ? e.message : String(e), null);
      await pause(attempt);
      continue;
    }
    if (status >= 200 && status < 300) break;
    if (status < 500 || attempt >= attempts) {
      throw new ApiError(status, "upload_failed", `the object store answered ${status}`, null);
    }
    await pause(attempt);
  }
  return api.media.complete(ticket.mediaId);
}

function pause(attempt: number): Promise<void> {
  const ms = Math.min(4000, 250 * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2);
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Browsers: XMLHttpRequest, for its upload progress events. */
export function xhrUploader(): Uploader {
  return {
    put: (url, headers, data, onProgress) =>
      new Promise((resolve, reject) => {
        const xhr = new XMLHttpRequest();
        xhr.open("PUT", url);
        for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
        xhr.upload.onprogress = (e) => onProgress?.(e.loaded, e.lengthComputable ? e.total : e.loaded);
        xhr.onload = () => resolve(xhr.status);
        xhr.onerror = () => reject(new Error("upload failed: network error"));
        xhr.ontimeout = () => reject(new Error("upload failed: timeout"));
        xhr.send(data as XMLHttpRequestBodyInit);
      }),
  };
}

/** Anywhere `fetch` is (Node, workers): progress only at the start and the end. */
export function fetchUploader(fetchImpl?: typeof fetch): Uploader {
  return {
    async put(url, headers, data, onProgress) {
      const f = fetchImpl ?? globalThis.fetch.bind(globalThis);
      const size = describe(data, {}).size;
      onProgress?.(0, size);
      const response = await f(url, { method: "PUT", headers, body: data as BodyInit });
      await response.arrayBuffer();
      if (response.ok) onProgress?.(size, size);
      return response.status;
    },
  };
}

/**
 * uni-app: a presigned upload is a plain PUT of the bytes, which `uni.uploadFile` (a multipart
 * POST) cannot make; the file is read with the file system manager and PUT with `uni.request`.
 * Progress comes at the start and the end.
 */
export function uniAppUploader(uni: UniLike): Uploader {
  return {
    async put(url, headers, data, onProgress) {
      const size = describe(data, {}).size;
      const bytes = "path" in (data as object) ? await readFile(uni, (data as { path: string }).path) : data;
      onProgress?.(0, size);
      return new Promise((resolve, reject) => {
        uni.request({
          url,
          method: "PUT",
          header: headers,
          data: bytes,
          success: (result) => {
            if (result.statusCode >= 200 && result.statusCode < 300) onProgress?.(size, size);
            resolve(result.statusCode);
          },
          fail: (error) => reject(new Error(error.errMsg)),
        });
      });
    },
  };
}

function readFile(uni: UniLike, path: string): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const fs = uni.getFileSystemManager?.();
    if (!fs) {
      reject(new Error("uni.getFileSystemManager is not available here"));
      return;
    }
    fs.readFile({
      filePath: path,
      success: (result) => resolve(result.data as ArrayBuffer),
      fail: (error) => reject(new Error(error.errMsg)),
    });
  });
}

/**
 * uni-app: downloads a media object to a temporary file (for `<image>`, `<video>` or
 * `uni.openDocument`), from the URL `ImClient.mediaUrl` gives.
 */
export function uniAppDownload(uni: UniLike, url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!uni.downloadFile) {
      reject(new Error("uni.downloadFile is not available here"));
      return;
    }
    uni.downloadFile({
      url,
      success: (result) =>
        result.statusCode === 200 ? resolve(result.tempFilePath) : reject(new Error(`download: ${result.statusCode}`)),
      fail: (error) => reject(new Error(error.errMsg)),
    });
  });
}

/**
 * uni-app: this device's push client id from the app's push module (`uni.getPushClientId`, UniPush
 * 2.0 over the FCM and APNs channels), to register with `client.registerPush({provider, token})`.
 */
export function uniAppPushToken(uni: UniLike): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!uni.getPushClientId) {
      reject(new Error("uni.getPushClientId is not available here (enable the push module)"));
      return;
    }
    uni.getPushClientId({
      success: (result) => resolve(result.cid),
      fail: (error) => reject(new Error(error.errMsg)),
    });
  });
}
