import { describe, expect, it } from 'vitest';
import assistant from '../../rules/assistant.js';
import { onePage, url } from './site.js';

describe('assistant', () => {
  it('passes on a known chat widget script', () => {
    const result = assistant.check(onePage('assistant/widget.html'));
    expect(result.status).toBe('pass');
    expect(result.evidence).toEqual([
      { url: url('/'), selector: 'script[src]', snippet: 'https://embed.tawk.to/5f0a1b2c3d4e5f6a7b8c9d0e/default', note: { it: 'Tawk.to', en: 'Tawk.to' } },
    ]);
  });

  it('passes on an "assistente virtuale" launcher in the footer', () => {
    const result = assistant.check(onePage('assistant/launcher.html'));
    expect(result.status).toBe('pass');
    expect(result.evidence).toContainEqual({
      url: url('/'),
      selector: '#footer a[href="/assistente"]',
      snippet: "Chiedi all'assistente virtuale → https://www.comune.esempio.it/assistente",
      note: { it: 'link all’assistente', en: 'assistant link' },
    });
  });

  it('stays unknown for a news article announcing an assistant', () => {
    const result = assistant.check(onePage('assistant/news.html', '/novita/notizie/assistente'));
    expect(result.status).toBe('unknown');
    expect(result.evidence).toEqual([]);
  });

  it('is unknown, never fail, without any widget', () => {
    const result = assistant.check(onePage('common/plain.html'));
    expect(result.status).toBe('unknown');
    expect(result.score).toBeNull();
  });
});
