// Locates files shipped with the package (data/, fixtures/) from both src/ (tests) and dist/ (installed).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('comune-audit: package root not found (package.json missing)');
    dir = parent;
  }
  return dir;
}

export const packageRoot = findPackageRoot();

/** Absolute path of a file under the package's data/ folder. */
export function dataPath(...segments: string[]): string {
  return join(packageRoot, 'data', ...segments);
}
