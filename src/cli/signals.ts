// Ctrl-C and SIGTERM stop long work cleanly: the first one aborts it (the work keeps what it has), a second one of
// either kills the process at once, as usual.
import type { Interruption } from '../types.js';

export interface SignalStop {
  /** Aborts on the first SIGINT or SIGTERM. */
  signal: AbortSignal;
  /** The signal that stopped the work, or null. */
  received(): Interruption | null;
  /** Restores the default handling; call when the work is over. */
  release(): void;
}

export function stopOnSignals(): SignalStop {
  const controller = new AbortController();
  let received: Interruption | null = null;
  const onInt = () => stop('SIGINT');
  const onTerm = () => stop('SIGTERM');
  const release = () => {
    process.off('SIGINT', onInt);
    process.off('SIGTERM', onTerm);
  };
  const stop = (name: Interruption) => {
    release();
    received = name;
    // An AbortError, as every aborted request reports it: the crawl tells a stop from a failure by it.
    controller.abort(new DOMException(`stopped by ${name}`, 'AbortError'));
  };
  process.once('SIGINT', onInt);
  process.once('SIGTERM', onTerm);
  return { signal: controller.signal, received: () => received, release };
}
