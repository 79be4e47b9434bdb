// `npm test`: every check the project has, in order, each step's outcome summarised at the end.
// A step that fails makes the whole run fail; later steps still run so one report shows all.
import { spawnSync } from 'node:child_process';
import { missingChromiumMessage } from './chromium.mjs';

/** @type {{ name: string, command: string, browser?: boolean }[]} */
const steps = [
	{ name: 'lint (prettier + eslint)', command: 'npm run -s lint' },
	{ name: 'types (svelte-check)', command: 'npm run -s check' },
	{ name: 'unit tests (vitest, Node)', command: 'npx vitest run --project unit' },
	{ name: 'build (vite, adapter-static)', command: 'npm run -s build' },
	{
		name: 'browser tests (vitest, Chromium)',
		command: 'npx vitest run --project browser',
		browser: true
	},
	{ name: 'end-to-end tests (Playwright, Chromium)', command: 'npx playwright test', browser: true }
];

const only = process.argv.slice(2);
/** @type {{ name: string, ok: boolean, seconds: number }[]} */
const results = [];
const chromiumProblem = missingChromiumMessage();

for (const { name, command, browser } of steps) {
	if (only.length && !only.some((o) => name.startsWith(o))) continue;
	if (browser && chromiumProblem) {
		console.error(`\n✗ ${name}: cannot run.\n${chromiumProblem}\n`);
		results.push({ name, ok: false, seconds: 0 });
		continue;
	}
	console.log(`\n▶ ${name}: ${command}`);
	const started = performance.now();
	const run = spawnSync(command, {
		shell: true,
		stdio: 'inherit',
		env: { ...process.env, TZ: 'Europe/London' }
	});
	results.push({ name, ok: run.status === 0, seconds: (performance.now() - started) / 1000 });
}

console.log('\nSummary');
for (const { name, ok, seconds } of results) {
	console.log(`  ${ok ? '✓' : '✗'} ${name}${seconds ? ` (${seconds.toFixed(1)} s)` : ''}`);
}
const failed = results.filter((r) => !r.ok);
if (failed.length) {
	console.error(`\n${failed.length} step(s) failed.`);
	process.exit(1);
}
console.log('\nAll checks passed.');
