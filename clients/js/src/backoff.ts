/**
 * Exponential back-off with "equal jitter": the n-th wait is half of min(max, initial * 2^n)
 * plus a random part of the other half. The fixed half keeps clients from hammering a server
 * that is down; the random half spreads thousands of clients that lost the same pod.
 */
export interface BackoffOptions {
  initialMs?: number;
  maxMs?: number;
  factor?: number;
  /** a source of numbers in [0, 1); tests pass their own */
  random?: () => number;
}

export class Backoff {
  private attempt = 0;
  private readonly initialMs: number;
  private readonly maxMs: number;
  private readonly factor: number;
  private readonly random: () => number;

  constructor(options: BackoffOptions = {}) {
    this.initialMs = options.initialMs ?? 500;
    this.maxMs = options.maxMs ?? 30_000;
    this.factor = options.factor ?? 2;
    this.random = options.random ?? Math.random;
  }

  /** The next wait in milliseconds; each call waits longer, up to the maximum. */
  next(): number {
    const ceiling = Math.min(this.maxMs, this.initialMs * Math.pow(this.factor, this.attempt));
    this.attempt++;
    const half = ceiling / 2;
    return Math.round(half + this.random() * half);
  }

  /** After a success: the next failure starts from the shortest wait again. */
  reset(): void {
    this.attempt = 0;
  }

  get attempts(): number {
    return this.attempt;
  }
}
