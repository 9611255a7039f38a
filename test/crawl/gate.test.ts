// The per-host gate on fake timers: request starts spaced exactly, whatever the machine's load.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HostGate } from '../../src/crawl/gate.js';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('HostGate', () => {
  it('spaces request starts by the raised minimum gap (Crawl-delay), even with four slots free', async () => {
    const gate = new HostGate(4, 0);
    const starts: number[] = [];
    const task = async () => void starts.push(Date.now());
    await gate.run(task);
    gate.raiseMinDelay(300);
    gate.raiseMinDelay(100); // never lowered
    const level = Promise.all([gate.run(task), gate.run(task), gate.run(task), gate.run(task)]);
    await vi.advanceTimersByTimeAsync(2_000);
    await level;
    expect(starts).toEqual([0, 0, 300, 600, 900]);
  });

  it('a pause (Retry-After) holds the whole host, then the gap applies again', async () => {
    const gate = new HostGate(2, 100);
    const starts: number[] = [];
    const task = async () => void starts.push(Date.now());
    await gate.run(task);
    gate.pause(1_000);
    const level = Promise.all([gate.run(task), gate.run(task)]);
    await vi.advanceTimersByTimeAsync(2_000);
    await level;
    expect(starts).toEqual([0, 1_000, 1_100]);
  });
});
