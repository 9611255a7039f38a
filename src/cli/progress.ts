// A one-line crawl progress indicator on stderr (never stdout, which carries the report).
import ora from 'ora';
import { messages, type Lang } from '../report/i18n/index.js';

export interface Progress {
  update(event: { fetched: number; queued: number; url: string }): void;
  stop(): void;
}

export function startProgress(stream: NodeJS.WriteStream | null, lang: Lang): Progress {
  // A terminal of unknown width (columns 0, as under some wrappers) would make the spinner erase lines it never wrote.
  if (!stream || !stream.isTTY || !stream.columns) return { update() {}, stop() {} };
  const text = messages(lang).progress;
  const spinner = ora({ stream, text: text(0, 0, '') }).start();
  return {
    update({ fetched, queued, url }) {
      spinner.text = text(fetched, queued, url.length > 60 ? `${url.slice(0, 59)}…` : url);
    },
    stop() {
      spinner.stop();
    },
  };
}
