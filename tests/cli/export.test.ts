import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportCommand } from '../../cli/export';
import { main } from '../../cli/main';
import { kingstonScenarios } from '$lib/data/kingston-scenarios';
import { parseScenarioSet, serialiseScenarioSet } from '$lib/io/scenario-set/format';
import { APP_INFO } from '$lib/io/scenario-set/file';

const dir = mkdtempSync(join(tmpdir(), 'forecast-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capture(fn: (out: (s: string) => void) => number | Promise<number>): string {
	let text = '';
	expect(fn((s) => (text += s))).toBe(0);
	return text;
}

describe('forecast export --out FILE', () => {
	const file = join(dir, 'kingston.json');
	const said = capture((out) => exportCommand({ out: file }, out));

	it('says what it wrote', () => {
		expect(said).toContain(file);
		expect(said).toContain('3 scenarios');
	});

	it('writes a scenario set that reads back with the built-in scenarios', () => {
		const parsed = parseScenarioSet(readFileSync(file, 'utf8'), file);
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		expect(parsed.scenarios).toEqual(kingstonScenarios());
		expect(parsed.app).toEqual(APP_INFO);
	});

	it('gives the same figures from the file as from the built-in dataset, for every scenario', () => {
		for (const s of kingstonScenarios()) {
			const builtIn = capture((out) => main(['run', '--scenario', s.name], out));
			const fromFile = capture((out) =>
				main(['run', '--scenario', s.name, '--dataset', file], out)
			);
			expect(fromFile).toBe(builtIn);
		}
	});

	it('round-trips byte for byte apart from the time of writing', () => {
		const text = readFileSync(file, 'utf8');
		const parsed = parseScenarioSet(text, file);
		if (!parsed.ok) throw new Error('not parsed');
		const again = serialiseScenarioSet(parsed.dataset, parsed.scenarios, {
			createdAt: parsed.createdAt,
			app: parsed.app
		});
		expect(again).toBe(text);
	});

	it('refuses a file it cannot write, naming it', () => {
		expect(() => exportCommand({ out: join(dir, 'missing', 'x.json') }, () => {})).toThrow(
			/^Cannot write .*missing.x\.json: the folder .*missing: no such file or folder \(ENOENT\)\.$/
		);
	});
});

describe('forecast export --dataset FILE --out FILE', () => {
	it('exports the dataset file given, not the built-in data', () => {
		const source = join(dir, 'source.json');
		capture((out) => exportCommand({ out: source }, out));
		const edited = JSON.parse(readFileSync(source, 'utf8'));
		edited.dataset.name = 'Somewhere else';
		edited.scenarios = edited.scenarios.slice(0, 1);
		const input = join(dir, 'edited.json');
		writeFileSync(input, JSON.stringify(edited));
		const file = join(dir, 'copy.json');
		const said = capture((out) => main(['export', '--dataset', input, '--out', file], out));
		expect(said).toMatch(/dataset "Somewhere else" with 1 scenarios/);
		const parsed = parseScenarioSet(readFileSync(file, 'utf8'), file);
		if (!parsed.ok) throw new Error('not parsed');
		expect(parsed.dataset.name).toBe('Somewhere else');
		expect(parsed.scenarios).toHaveLength(1);
	});
});

describe('APP_INFO', () => {
	it('carries package.json’s version', () => {
		const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
		expect(APP_INFO.version).toBe(pkg.version);
	});
});
