import type { UniLike } from "./transport.js";

/** Where the SDK keeps the session and unsent messages; `localStorage` fits as it is. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function memoryStorage(): KeyValueStorage {
  const map = new Map<string, string>();
  return {
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
  };
}

export function uniAppStorage(uni: UniLike): KeyValueStorage {
  return {
    getItem: (key) => {
      const value = uni.getStorageSync?.(key);
      return typeof value === "string" && value !== "" ? value : null;
    },
    setItem: (key, value) => uni.setStorageSync?.(key, value),
    removeItem: (key) => uni.removeStorageSync?.(key),
  };
}

/** Reads JSON written by `writeJson`; anything unreadable counts as absent. */
export function readJson<T>(storage: KeyValueStorage, key: string): T | null {
  const text = storage.getItem(key);
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

export function writeJson(storage: KeyValueStorage, key: string, value: unknown): void {
  try {
    storage.setItem(key, JSON.stringify(value));
  } catch {
    // storage full or unavailable (private mode): the SDK keeps working from memory
  }
}
