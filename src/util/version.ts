// The package version, read once from package.json so the user agent and reports name the real release.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './paths.js';

export const toolVersion: string = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')).version;
