/**
 * The layers are enforced (README "Architecture", decision 0024): ESLint refuses an import that
 * goes the wrong way, and no folder imports, however indirectly, a folder that imports it.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

const eslint = new ESLint({ cwd: ROOT });

/** The layer messages ESLint gives a file placed (virtually) at `filePath` holding `code`. */
async function lint(filePath: string, code: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, { filePath: join(ROOT, filePath) });
	return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('lint refuses an import against the layers', () => {
	// Loading the configuration (plugins, parsers) once takes seconds on a loaded machine.
	beforeAll(() => lint('src/lib/model/warm-up.ts', 'export {};\n'), 60_000);

	it.each([
		[
			'src/lib/engine/planted.ts',
			"import { parseCsv } from '$lib/io/csv/parse';",
			/engine is pure/
		],
		['src/lib/engine/planted.ts', "import { parseCsv } from '../io/csv/parse';", /engine is pure/],
		[
			'src/lib/engine/planted.ts',
			"import { kingstonDataset } from '../data/kingston';",
			/engine is pure/
		],
		[
			'src/lib/model/planted.ts',
			"import { createRng } from '../engine/rng';",
			/model is the bottom layer/
		],
		[
			'src/lib/io/sen2/planted.ts',
			"import { saveText } from '../../client/download';",
			/io \(file formats\)/
		],
		[
			'src/lib/storage/planted.ts',
			"import { createRng } from '$lib/engine/rng';",
			/storage .* model only/
		],
		[
			'src/lib/charts/planted.ts',
			"import { saveBlob } from '$lib/client/download';",
			/charts draw/
		],
		['workers/planted.ts', "import { openDb } from '../src/lib/storage/db';", /workers may import/],
		['src/lib/client/planted.ts', "export * from '../state/history';", /client \(worker clients\)/],
		['cli/planted.ts', "import { x } from '../src/lib/ui/export/x';", /command line/],
		// state, ui and routes (decision 0025); type-only imports count too.
		[
			'src/lib/ui/planted.ts',
			"import { runExpected } from '$lib/engine/workbench';",
			/ui is components/
		],
		[
			'src/lib/ui/scenario/planted.ts',
			"import type { GoalSeekResult } from '../../engine/goal-seek';",
			/ui is components/
		],
		[
			'src/lib/ui/data/planted.ts',
			"import { readUtf8File } from '$lib/io/csv/utf8';",
			/ui is components/
		],
		[
			'src/lib/ui/planted.ts',
			"import type { ImportReplacement } from '$lib/storage';",
			/ui is components/
		],
		['src/lib/ui/planted.ts', "import { x } from '$workers/projection-api';", /ui is components/],
		['src/lib/ui/planted.ts', "import { x } from '../../routes/x';", /ui is components/],
		[
			'src/routes/planted/+page.ts',
			"import { monitoringTable } from '$lib/engine/monitoring';",
			/a page composes/
		],
		[
			'src/routes/planted/+page.ts',
			"import { dsgGridTable } from '$lib/io/dsg-grid';",
			/a page composes/
		],
		[
			'src/routes/planted/+page.ts',
			"import type { ScenarioSetRecord } from '$lib/storage';",
			/a page composes/
		],
		['src/lib/state/planted.ts', "import { x } from '../ui/kpi-format';", /state \(runes stores/],
		[
			'src/lib/state/planted.ts',
			"import { seriesColour } from '$lib/charts/palette';",
			/state \(runes stores/
		]
	])('%s: %s', async (file, code, message) => {
		const messages = await lint(file, `${code}\n`);
		expect(messages).toHaveLength(1);
		expect(messages[0]).toMatch(message);
	});

	it.each([
		['src/lib/engine/planted.ts', "import type { Dataset } from '../model/dataset';"],
		['src/lib/engine/planted.ts', "import json from '../data/sen2-reference.json';"],
		['src/lib/io/sen2/planted.ts', "import { createRng } from '../../engine/rng';"],
		['workers/planted.ts', "import { parseCsv } from '../src/lib/io/csv/parse';"],
		['cli/planted.ts', "import { kingstonDataset } from '../src/lib/data/kingston';"],
		['src/lib/ui/planted.ts', "import { metricValues } from '$lib/model/results';"],
		[
			'src/lib/ui/planted.ts',
			"import { exportScenarioSet } from '$lib/state/scenario-set-transfer';"
		],
		['src/routes/planted/+page.ts', "import { getWorkbench } from '$lib/state/workbench.svelte';"],
		['src/lib/state/planted.ts', "import { readUtf8File } from '../io/csv/utf8';"],
		['src/lib/state/planted.ts', "import { listScenarioSets } from '../storage';"]
	])('allows %s: %s', async (file, code) => {
		expect(await lint(file, `${code}\n`)).toEqual([]);
	});
});

/** The folder (layer) of a repository path; JSON assets in data/ are leaves of their own. */
function folderOf(path: string): string | null {
	const parts = path.split('/');
	if (path.startsWith('src/lib/')) {
		return parts[2] === 'data' && path.endsWith('.json') ? 'data (JSON)' : parts[2];
	}
	if (path.startsWith('src/routes/')) return 'routes';
	if (parts[0] === 'workers' || parts[0] === 'cli') return parts[0];
	return null;
}

function sourceFiles(dir: string): string[] {
	return readdirSync(join(ROOT, dir)).flatMap((name) => {
		const path = `${dir}/${name}`;
		if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
		return /\.(ts|js|svelte)$/.test(name) ? [path] : [];
	});
}

/** Every import (static, dynamic, re-export) of a file, as the module specifiers written. */
function importsOf(path: string): string[] {
	let text = readFileSync(join(ROOT, path), 'utf8');
	if (path.endsWith('.svelte')) {
		text = [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
	}
	return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

/** The folders each folder imports from (itself left out), with one file as the example. */
function folderGraph(): Map<string, Map<string, string>> {
	const graph = new Map<string, Map<string, string>>();
	for (const file of ['src/lib', 'src/routes', 'workers', 'cli'].flatMap(sourceFiles)) {
		const from = folderOf(file);
		if (from === null) continue;
		for (const spec of importsOf(file)) {
			let target: string;
			if (spec.startsWith('$lib/')) target = `src/lib/${spec.slice(5)}`;
			else if (spec.startsWith('$workers/')) target = `workers/${spec.slice(9)}`;
			else if (spec.startsWith('.'))
				target = relative(ROOT, normalize(join(ROOT, dirname(file), spec)));
			else continue;
			const to = folderOf(target);
			if (to === null || to === from) continue;
			if (!graph.has(from)) graph.set(from, new Map());
			if (!graph.get(from)!.has(to)) graph.get(from)!.set(to, `${file} imports ${spec}`);
		}
	}
	return graph;
}

/** A cycle in the graph as the list of its steps, or null. */
function findCycle(graph: Map<string, Map<string, string>>): string[] | null {
	const state = new Map<string, 'open' | 'done'>();
	const path: string[] = [];
	const visit = (node: string): string[] | null => {
		state.set(node, 'open');
		path.push(node);
		for (const next of graph.get(node)?.keys() ?? []) {
			if (state.get(next) === 'open') {
				const loop = [...path.slice(path.indexOf(next)), next];
				return loop.slice(1).map((to, i) => `${loop[i]} → ${to} (${graph.get(loop[i])!.get(to)})`);
			}
			if (!state.has(next)) {
				const found = visit(next);
				if (found) return found;
			}
		}
		state.set(node, 'done');
		path.pop();
		return null;
	};
	for (const node of graph.keys()) {
		if (!state.has(node)) {
			const found = visit(node);
			if (found) return found;
		}
	}
	return null;
}

describe('the folders', () => {
	it('import each other without a loop', () => {
		expect(findCycle(folderGraph())).toBeNull();
	});

	it('are found importing each other (the check sees real imports)', () => {
		const graph = folderGraph();
		expect(graph.get('engine')?.has('model')).toBe(true);
		expect(graph.get('io')?.has('engine')).toBe(true);
		expect(graph.get('engine')?.has('data (JSON)')).toBe(true);
	});

	it('report a planted loop with the files that make it', () => {
		const graph = new Map([
			['model', new Map([['engine', 'src/lib/model/a.ts imports ../engine/b']])],
			['engine', new Map([['model', 'src/lib/engine/b.ts imports ../model/a']])]
		]);
		expect(findCycle(graph)).toEqual([
			'model → engine (src/lib/model/a.ts imports ../engine/b)',
			'engine → model (src/lib/engine/b.ts imports ../model/a)'
		]);
	});
});
