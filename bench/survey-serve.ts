// Child process of the survey benchmark: serves the generated sites on its own core and prints them as one JSON line.
import { serveSurveySites } from './survey-sites.js';

const served = await serveSurveySites(Number(process.argv[2] ?? 200));
process.stdout.write(`${JSON.stringify(served.sites)}\n`);
process.on('SIGTERM', () => void served.close().then(() => process.exit(0)));
