/**
 * `npm run forecast` (scripts/forecast.mjs) as a new user meets it: on a fresh clone, straight
 * after `npm ci`, there is no .svelte-kit/ and no .cli/ bundle yet. The other command-line tests
 * run cli/forecast.ts through tsx, so only this one covers the bundle being built and run.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..', '..');

/** A checkout as `git clone` + `npm ci` leave it: sources only, node_modules installed. */
function freshCheckout(): string {
	const dir = mkdtempSync(join(tmpdir(), 'forecast-fresh-'));
	for (const path of [
		'cli',
		'src/lib',
		'src/app.d.ts',
		'src/app.html',
		'scripts/forecast.mjs',
		'package.json',
		'tsconfig.json',
		'svelte.config.js'
	]) {
		cpSync(join(ROOT, path), join(dir, path), { recursive: true });
	}
	symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
	return dir;
}

describe('npm run forecast on a fresh clone', () => {
	const dir = freshCheckout();
	afterAll(() => rmSync(dir, { recursive: true, force: true }));
	const run = (...args: string[]) =>
		spawnSync(process.execPath, [join(dir, 'scripts', 'forecast.mjs'), ...args], {
			cwd: dir,
			encoding: 'utf8',
			env: { ...process.env, FORECAST_NO_BUNDLE: '' }
		});

	it('builds the bundle without a prior svelte-kit sync and lists the Kingston scenarios', () => {
		expect(existsSync(join(dir, '.svelte-kit'))).toBe(false);
		const r = run('scenarios');
		expect(r.stderr).toContain('building the command line');
		expect(r.status).toBe(0);
		expect(r.stdout.trim().split('\n')).toEqual([
			'SVA financial model 2021/22',
			'May 2021 projection',
			'Baseline (trend)'
		]);
		expect(existsSync(join(dir, '.cli', 'forecast.js'))).toBe(true);
		expect(existsSync(join(dir, '.cli', 'england-worker.js'))).toBe(true);
	}, 120_000);

	it('runs the built bundle next time without building again', () => {
		const r = run('scenarios');
		expect(r.status).toBe(0);
		expect(r.stderr).not.toContain('building');
		expect(r.stdout).toContain('Baseline (trend)');
	}, 60_000);
});
