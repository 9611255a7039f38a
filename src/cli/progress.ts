// A one-line crawl progress indicator on stderr (never stdout, which carries the report).
import ora from 'ora';

export interface Progress {
  update(event: { fetched: number; queued: number; url: string }): void;
  stop(): void;
}

const LABEL = { it: { fetched: 'pagine lette', queued: 'in coda' }, en: { fetched: 'pages fetched', queued: 'queued' } };

export function startProgress(stream: NodeJS.WriteStream | null, lang: 'it' | 'en'): Progress {
  // A terminal of unknown width (columns 0, as under some wrappers) would make the spinner erase lines it never wrote.
  if (!stream || !stream.isTTY || !stream.columns) return { update() {}, stop() {} };
  const spinner = ora({ stream, text: `comune-audit: 0 ${LABEL[lang].fetched}` }).start();
  return {
    update({ fetched, queued, url }) {
      const shortUrl = url.length > 60 ? `${url.slice(0, 59)}…` : url;
      spinner.text = `comune-audit: ${fetched} ${LABEL[lang].fetched}, ${queued} ${LABEL[lang].queued} · ${shortUrl}`;
    },
    stop() {
      spinner.stop();
    },
  };
}
