// A one-line crawl progress indicator on stderr (never stdout, which carries the report).
import ora from 'ora';

export interface Progress {
  update(event: { fetched: number; queued: number; url: string }): void;
  stop(): void;
}

const LABEL = { it: 'pagine lette', en: 'pages fetched' };

export function startProgress(stream: NodeJS.WriteStream | null, lang: 'it' | 'en'): Progress {
  if (!stream || !stream.isTTY) return { update() {}, stop() {} };
  const spinner = ora({ stream, text: `comune-audit: 0 ${LABEL[lang]}` }).start();
  return {
    update({ fetched, queued, url }) {
      const shortUrl = url.length > 60 ? `${url.slice(0, 59)}…` : url;
      spinner.text = `comune-audit: ${fetched} ${LABEL[lang]}, ${queued} in coda · ${shortUrl}`;
    },
    stop() {
      spinner.stop();
    },
  };
}
