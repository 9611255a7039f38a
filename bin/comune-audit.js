#!/usr/bin/env node
// Thin entry point: everything lives in src/cli (compiled to dist/).
import { main } from '../dist/src/cli/index.js';

process.exitCode = await main(process.argv);
