import { describe, expect, it } from "vitest";
import { Backoff } from "../src/backoff.js";

describe("Backoff", () => {
  it("doubles the ceiling each attempt, waits at least half of it, and stops growing at the maximum", () => {
    const low = new Backoff({ initialMs: 500, maxMs: 8000, random: () => 0 });
    expect([1, 2, 3, 4, 5, 6].map(() => low.next())).toEqual([250, 500, 1000, 2000, 4000, 4000]);
    const high = new Backoff({ initialMs: 500, maxMs: 8000, random: () => 0.999999 });
    expect([1, 2, 3, 4, 5, 6].map(() => high.next())).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
  });

  it("spreads clients with the same attempt over the upper half", () => {
    const waits = new Set<number>();
    for (let i = 0; i < 200; i++) {
      const b = new Backoff({ initialMs: 1000, maxMs: 30_000 });
      b.next();
      b.next();
      const wait = b.next(); // third attempt: ceiling 4000
      expect(wait).toBeGreaterThanOrEqual(2000);
      expect(wait).toBeLessThanOrEqual(4000);
      waits.add(wait);
    }
    expect(waits.size).toBeGreaterThan(50);
  });

  it("starts over after reset", () => {
    const b = new Backoff({ initialMs: 500, random: () => 0 });
    b.next();
    b.next();
    b.next();
    b.reset();
    expect(b.next()).toBe(250);
    expect(b.attempts).toBe(1);
  });
});
