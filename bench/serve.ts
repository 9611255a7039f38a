// Child process for the benchmark: serves the generated site on its own core and prints its URL.
import { serveGeneratedSite } from './generate-site.js';

const total = Number(process.argv[2] ?? 2000);
const site = await serveGeneratedSite(total);
process.stdout.write(`${site.url}\n`);
process.on('SIGTERM', () => void site.close().then(() => process.exit(0)));
