import { describe, expect, it, vi } from "vitest";
import type { ImApi } from "../src/api.js";
import { ApiError } from "../src/http.js";
import { describe as describeData, uploadMedia, type Uploader } from "../src/media.js";
import type { MediaView, UploadTicket } from "../src/types.js";

function fakeApi(expiresIn = 60_000) {
  const announced: unknown[] = [];
  const completed: string[] = [];
  let n = 0;
  const api = {
    media: {
      announce: async (upload: unknown): Promise<UploadTicket> => {
        announced.push(upload);
        n += 1;
        return {
          mediaId: `m${n}`,
          upload: { method: "PUT", url: `http://gw/im-media/m/${n}?sig`, headers: { "Content-Type": "image/png" } },
          expiresAt: Date.now() + expiresIn,
        };
      },
      complete: async (mediaId: string): Promise<MediaView> => {
        completed.push(mediaId);
        return { mediaId, kind: "image", contentType: "image/png", size: 3, fileName: "a.png", thumbnail: true, status: "ready" };
      },
    },
  } as unknown as ImApi;
  return { api, announced, completed };
}

function uploader(answers: (number | Error)[]): Uploader & { urls: string[] } {
  const urls: string[] = [];
  return {
    urls,
    put: async (url, _headers, data, onProgress) => {
      urls.push(url);
      const answer = answers.shift() ?? 200;
      if (answer instanceof Error) throw answer;
      const size = describeData(data, {}).size;
      onProgress?.(size, size);
      return answer;
    },
  };
}

describe("uploadMedia", () => {
  it("announces what the data is, PUTs it with progress, then completes it", async () => {
    const { api, announced, completed } = fakeApi();
    const put = uploader([200]);
    const progress = vi.fn();
    const blob = new Blob([new Uint8Array([1, 2, 3])], { type: "image/png" });

    const media = await uploadMedia(api, put, "image", blob, { fileName: "a.png", onProgress: progress });

    expect(announced).toEqual([{ kind: "image", contentType: "image/png", size: 3, fileName: "a.png", durationMs: undefined }]);
    expect(progress).toHaveBeenLastCalledWith(3, 3);
    expect(completed).toEqual(["m1"]);
    expect(media.status).toBe("ready");
  });

  it("tries the PUT again after a network failure or a 5xx, and completes once", async () => {
    const { api, completed } = fakeApi();
    const put = uploader([new Error("offline"), 503, 200]);

    await uploadMedia(api, put, "image", new Uint8Array([1, 2, 3]), { contentType: "image/png" });

    expect(put.urls).toHaveLength(3);
    expect(completed).toEqual(["m1"]);
  });

  it("gives up at once when the store refuses (a 4xx is not worth repeating)", async () => {
    const { api, completed } = fakeApi();
    const put = uploader([403]);

    const error = await uploadMedia(api, put, "image", new Uint8Array([1]), {}).catch((e) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe("upload_failed");
    expect(put.urls).toHaveLength(1);
    expect(completed).toEqual([]);
  });

  it("asks for a fresh URL when the one it holds is about to expire", async () => {
    const { api, announced } = fakeApi(1_000);
    const put = uploader([200]);

    await uploadMedia(api, put, "file", new Uint8Array([1]), { fileName: "x.bin" });

    expect(announced).toHaveLength(2);
    expect(put.urls).toEqual(["http://gw/im-media/m/2?sig"]);
  });

  it("gives up after the attempts it was given", async () => {
    const { api } = fakeApi();
    const put = uploader([new Error("offline"), new Error("offline")]);

    const error = await uploadMedia(api, put, "file", new Uint8Array([1]), { attempts: 2 }).catch((e) => e);

    expect((error as ApiError).code).toBe("network_error");
    expect(put.urls).toHaveLength(2);
  });
});
