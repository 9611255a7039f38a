// Politeness per host: at most `concurrency` requests in flight and a minimum gap between
// request starts; a 429/503 Retry-After pauses the whole host, not just the one request.
import pLimit, { type LimitFunction } from 'p-limit';

/** Waits ms (or until the signal aborts); resolves true when the full wait elapsed. */
export function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  if (ms <= 0) return Promise.resolve(!signal?.aborted);
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export class HostGate {
  private readonly limit: LimitFunction;
  private nextStartAt = 0;

  constructor(
    concurrency: number,
    private minDelayMs: number,
  ) {
    this.limit = pLimit(Math.max(1, concurrency));
  }

  /** Raises the minimum gap (robots.txt Crawl-delay); never lowers it. */
  raiseMinDelay(ms: number): void {
    this.minDelayMs = Math.max(this.minDelayMs, ms);
  }

  /** No request to this host starts before now + ms. */
  pause(ms: number): void {
    this.nextStartAt = Math.max(this.nextStartAt, Date.now() + ms);
  }

  /** Runs fn in a free slot once the host's turn comes; an aborted wait still runs fn, which sees the signal. */
  run<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    return this.limit(async () => {
      await this.waitTurn(signal);
      return fn();
    });
  }

  private async waitTurn(signal?: AbortSignal): Promise<void> {
    const now = Date.now();
    const startAt = Math.max(now, this.nextStartAt);
    this.nextStartAt = startAt + this.minDelayMs;
    await sleep(startAt - now, signal);
  }
}

/** One gate per host, created on first use. */
export class HostGates {
  private readonly gates = new Map<string, HostGate>();

  constructor(
    private readonly concurrency: number,
    private readonly minDelayMs: number,
  ) {}

  for(host: string): HostGate {
    let gate = this.gates.get(host);
    if (!gate) {
      gate = new HostGate(this.concurrency, this.minDelayMs);
      this.gates.set(host, gate);
    }
    return gate;
  }
}
