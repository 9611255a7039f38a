// CPU seconds of a process or a thread from Linux's /proc (`/proc/<pid>/stat`, `/proc/self/task/<tid>/stat`).
import { readFileSync } from 'node:fs';

/** Ticks per second of /proc's CPU times (USER_HZ: 100 on every Linux Node runs on). */
const TICKS = 100;

/** User + system CPU seconds in a /proc stat file; throws when it cannot be read (not Linux, the task ended). */
export function statCpuSeconds(path: string): number {
  // Fields after "(comm) ": state is the 1st, utime the 12th, stime the 13th.
  const fields = readFileSync(path, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS;
}
