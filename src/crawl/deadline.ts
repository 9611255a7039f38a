// Timeouts as abort signals, driven by a plain timer held until released. Node 20's AbortSignal.any() keeps only a
// weak reference to an AbortSignal.timeout() among its sources: once garbage-collected, that timeout never fires —
// a crawl's time budget was silently ignored that way.

export interface Deadline {
  /** Aborts when the time is up or when the parent signal aborts, with the same reason. */
  signal: AbortSignal;
  /** Stops the timer and detaches from the parent; call when the work it bounds is over. */
  release(): void;
}

/** Node's timers hold at most 2^31 - 1 ms (~24.8 days); a longer delay would fire at once. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

export function deadline(ms: number, parent?: AbortSignal): Deadline {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException(`timed out after ${ms} ms`, 'TimeoutError')), Math.min(ms, LONGEST_TIMER_MS));
  const follow = () => controller.abort(parent?.reason);
  if (parent?.aborted) follow();
  else parent?.addEventListener('abort', follow, { once: true });
  return {
    signal: controller.signal,
    release() {
      clearTimeout(timer);
      parent?.removeEventListener('abort', follow);
    },
  };
}
