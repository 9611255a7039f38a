// A survey's progress on stderr: a bar redrawn in place at a terminal, a plain line every `intervalMs` otherwise
// (CI logs, nohup), and nothing on stdout.
import { messages, type Lang } from '../report/i18n/index.js';
import type { SurveyProgress } from '../survey/run.js';

export interface SurveyProgressView {
  /** A site was stored. */
  site(progress: SurveyProgress): void;
  /** Pages were fetched (a count since the last call). */
  pages(count: number): void;
  /** Clears the bar (a terminal) or prints the last plain line. */
  stop(): void;
}

const BAR_WIDTH = 24;

/** "1 h 02 min", "12 min", "40 s"; "—" before there is anything to estimate from. */
export function formatEta(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '—';
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** `initial`: the run as it stands (a resumed run has sites done already: the ETA counts only this session's pace). */
export function startSurveyProgress(
  stream: NodeJS.WriteStream | null,
  lang: Lang,
  initial: SurveyProgress,
  { intervalMs = 30_000, now = () => performance.now() } = {},
): SurveyProgressView {
  if (!stream) return { site() {}, pages() {}, stop() {} };
  const text = messages(lang).survey;
  const started = now();
  const tty = Boolean(stream.isTTY && stream.columns);
  let last: SurveyProgress = { ...initial };
  let pagesFetched = 0;

  const figures = () => {
    const progress = last;
    const elapsed = now() - started;
    const doneHere = progress.done - initial.done;
    const rate = elapsed > 0 ? (pagesFetched * 1000) / elapsed : 0;
    const eta = doneHere > 0 ? ((progress.total - progress.done) * elapsed) / doneHere : null;
    return [progress.done, progress.total, progress.failures, rate.toFixed(1), formatEta(eta)] as const;
  };
  const draw = () => {
    if (tty) {
      const filled = last.total ? Math.round((last.done / last.total) * BAR_WIDTH) : BAR_WIDTH;
      const line = `[${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}] ${text.progressBar(...figures())}`;
      stream.write(`\r${line.slice(0, Math.max(10, (stream.columns ?? 80) - 1))}\x1b[K`);
    } else {
      stream.write(`${text.progressLine(...figures())}\n`);
    }
  };
  const timer = setInterval(draw, tty ? 500 : intervalMs);
  timer.unref();
  return {
    site(progress) {
      last = { ...progress };
      if (tty) draw();
    },
    pages(count) {
      pagesFetched += count;
    },
    stop() {
      clearInterval(timer);
      if (tty) stream.write('\r\x1b[K');
      else draw();
    },
  };
}
