/**
 * `npm run forecast -- … --out kent.json` run from the user's folder: npm starts the script in
 * the package's folder and says where the user was in INIT_CWD; relative paths must be the user's.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..', '..');
const user = mkdtempSync(join(tmpdir(), 'forecast-user-'));
afterAll(() => rmSync(user, { recursive: true, force: true }));

/** scripts/forecast.mjs as `npm run forecast` starts it: in the package folder, INIT_CWD set. */
function viaNpm(env: Record<string, string>, ...args: string[]) {
	return spawnSync(process.execPath, [join(ROOT, 'scripts', 'forecast.mjs'), ...args], {
		cwd: env.cwd ?? ROOT,
		encoding: 'utf8',
		env: { ...process.env, FORECAST_NO_BUNDLE: '1', ...env }
	});
}

describe('npm run forecast from another folder', { timeout: 60_000 }, () => {
	it('writes a relative --out into the folder the user ran npm in, not the repository', () => {
		const r = viaNpm(
			{ npm_lifecycle_event: 'forecast', INIT_CWD: user },
			'export',
			'--out',
			'relative-kingston.json'
		);
		expect(r.stderr).toBe('');
		expect(r.status).toBe(0);
		expect(existsSync(join(user, 'relative-kingston.json'))).toBe(true);
		expect(existsSync(join(ROOT, 'relative-kingston.json'))).toBe(false);
	});

	it('ignores an INIT_CWD that npm did not set for forecast (another script started it)', () => {
		const other = mkdtempSync(join(tmpdir(), 'forecast-other-'));
		try {
			const r = viaNpm(
				{ npm_lifecycle_event: 'test', INIT_CWD: user, cwd: other },
				'export',
				'--out',
				'here.json'
			);
			expect(r.status).toBe(0);
			expect(existsSync(join(other, 'here.json'))).toBe(true);
			expect(existsSync(join(user, 'here.json'))).toBe(false);
		} finally {
			rmSync(other, { recursive: true, force: true });
		}
	});
});
