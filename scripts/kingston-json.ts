/**
 * One-off: writes the built-in Kingston dataset and its scenarios, as the TypeScript modules
 * src/lib/data/kingston.ts and kingston-scenarios.ts built them, to the scenario-set file
 * src/lib/data/kingston.scenario-set.json (decision 0023). Run once, with
 * `npx tsx scripts/kingston-json.ts`, before those modules were replaced by a reader of the file;
 * kept in history only (it needs the modules it replaced).
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kingstonDataset } from '../src/lib/data/kingston';
import { kingstonScenarios } from '../src/lib/data/kingston-scenarios';
import { APP_INFO } from '../src/lib/io/scenario-set/file';
import { serialiseScenarioSet } from '../src/lib/io/scenario-set/format';

const out = join(
	dirname(fileURLToPath(import.meta.url)),
	'../src/lib/data/kingston.scenario-set.json'
);
const createdAt = new Date().toISOString();
writeFileSync(
	out,
	serialiseScenarioSet(kingstonDataset(), kingstonScenarios(), { createdAt, app: APP_INFO })
);
console.log(`wrote ${out}`);
