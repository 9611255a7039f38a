// The survey's worker thread with its heap sampled (see survey-memory.ts): the benchmark's surveys run this in place
// of src/survey/worker.ts, which it loads unchanged.
import { logMemory } from './survey-memory.js';
import '../src/survey/worker.js';

const log = process.env.BENCH_SURVEY_MEMORY_LOG;
if (log) logMemory(log);
