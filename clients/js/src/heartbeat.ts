/**
 * Liveness of the open connection: pings at least three times per server idle timeout (the
 * server closes silent connections), and a ping that nothing answers means a dead connection.
 */
export class Heartbeat {
  private lastPingAt = 0;
  /** when the oldest ping still without any frame in return was sent (0: none) */
  private unansweredSince = 0;
  private intervalMs: number;

  constructor(
    private readonly configuredMs: number,
    private readonly pongTimeoutMs: number,
  ) {
    this.intervalMs = configuredMs;
  }

  /** the ping period in force (the configured one, or shorter for the server's idle timeout) */
  get interval(): number {
    return this.intervalMs;
  }

  /** A new connection: nothing is owed. */
  reset(): void {
    this.unansweredSince = 0;
  }

  /** Any frame proves the connection alive. */
  heard(): void {
    this.unansweredSince = 0;
  }

  pinged(now: number): void {
    this.lastPingAt = now;
    if (this.unansweredSince === 0) this.unansweredSince = now;
  }

  pingDue(now: number): boolean {
    return now - this.lastPingAt >= this.intervalMs;
  }

  dead(now: number): boolean {
    return this.unansweredSince > 0 && now - this.unansweredSince > this.pongTimeoutMs;
  }

  /** The server told its idle timeout (in `pong`): ping often enough for it. */
  adapt(idleTimeoutMs: number | undefined): void {
    if (typeof idleTimeoutMs !== "number" || idleTimeoutMs <= 0) return;
    this.intervalMs = Math.max(1000, Math.min(this.configuredMs, Math.floor(idleTimeoutMs / 3)));
  }
}
