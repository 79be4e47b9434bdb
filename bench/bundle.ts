/**
 * Initial JavaScript of the built app: what a first visit to `/` must download before the page
 * can run, gzipped (node:zlib, level 9 — what a static host's precompression sends), against the
 * budget of 150 kB (issue 7: the engine and the export libraries load on demand).
 *
 * Counted: the entry scripts the page imports and every module they import statically, which is
 * what the page's modulepreload links list (a module missing from those links is reported too).
 * Workers' scripts are reported apart: they run off the main thread (the projection worker
 * starts in parallel with the page) and are not part of the budget. Chunks loaded on demand
 * (import()) are listed, not counted.
 *
 * Run after a build: npx tsx bench/bundle.ts [build dir, default $BUILD_DIR or build]
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 150;
const dir = resolve(process.argv[2] ?? process.env.BUILD_DIR ?? 'build');
const index = join(dir, 'index.html');
if (!existsSync(index)) {
	console.error(
		`bench/bundle: no ${index}; build first (npm run build, or BUILD_DIR=… npx vite build).`
	);
	process.exit(2);
}

const kb = (bytes: number) => bytes / 1000;
const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

const html = readFileSync(index, 'utf8');
const preloaded = [...html.matchAll(/<link[^>]+href="([^"]+\.js)"[^>]*rel="modulepreload"/g)].map(
	(m) => resolve(dir, m[1])
);
const entries = [...html.matchAll(/import\("([^"]+\.js)"\)/g)].map((m) => resolve(dir, m[1]));

/** Static imports of a module (`import … from "./x.js"`, `import "./x.js"`, `export … from`). */
function staticImports(file: string): string[] {
	const code = readFileSync(file, 'utf8');
	const found = [
		...code.matchAll(
			/(?:^|[;\s}])(?:import|export)\s*(?:[\w${}*,\s]+?\s*from\s*)?["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g
		)
	];
	return found.map((m) => resolve(dirname(file), m[1]));
}

/** Dynamic imports and worker URLs of a module: loaded on demand, not at first. */
function lazyImports(file: string): string[] {
	const code = readFileSync(file, 'utf8');
	const found = [
		...code.matchAll(/import\(\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]\s*\)/g),
		...code.matchAll(/new URL\(\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]\s*,\s*import\.meta\.url/g),
		...code.matchAll(/["'`](\.{0,2}\/?[\w./-]*\/workers\/[^"'`]+\.js)["'`]/g)
	];
	return found.map((m) => resolve(dirname(file), m[1]));
}

const initial = new Set<string>();
const queue = [...entries, ...preloaded];
while (queue.length) {
	const file = queue.pop()!;
	if (initial.has(file) || !existsSync(file)) continue;
	initial.add(file);
	queue.push(...staticImports(file));
}
const notPreloaded = [...initial].filter((f) => !preloaded.includes(f) && !entries.includes(f));

const lazy = new Set<string>();
for (const file of initial) for (const l of lazyImports(file)) if (!initial.has(l)) lazy.add(l);

const workersDir = join(dir, '_app', 'immutable', 'workers');
const workers = existsSync(workersDir)
	? readdirSync(workersDir)
			.filter((f) => f.endsWith('.js'))
			.map((f) => join(workersDir, f))
	: [];

const rows = [...initial]
	.map((f) => ({ file: relative(dir, f), raw: readFileSync(f).length, gzip: gz(f) }))
	.sort((a, b) => b.gzip - a.gzip);
const total = rows.reduce((s, r) => s + r.gzip, 0);
const totalRaw = rows.reduce((s, r) => s + r.raw, 0);

const pad = (s: string, n: number) => s.padStart(n);
console.log(`Initial JavaScript of ${relative(process.cwd(), index) || index} (first load of /)\n`);
console.log(`${'gzip kB'.padStart(9)} ${'raw kB'.padStart(9)}  file`);
for (const r of rows) {
	console.log(`${pad(kb(r.gzip).toFixed(1), 9)} ${pad(kb(r.raw).toFixed(1), 9)}  ${r.file}`);
}
console.log(
	`${pad(kb(total).toFixed(1), 9)} ${pad(kb(totalRaw).toFixed(1), 9)}  total, ${rows.length} files`
);
if (notPreloaded.length) {
	console.log(
		`\nImported at start but not preloaded: ${notPreloaded.map((f) => relative(dir, f)).join(', ')}`
	);
}
console.log(
	'\nWorkers, off the main thread (the projection worker starts with the page, others when used; not in the budget):'
);
for (const w of workers)
	console.log(
		`${pad(kb(gz(w)).toFixed(1), 9)} ${pad(kb(readFileSync(w).length).toFixed(1), 9)}  ${relative(dir, w)}`
	);
console.log(`\nLoaded on demand from the initial modules: ${lazy.size} chunk(s)`);
for (const l of [...lazy].filter(existsSync).sort()) {
	console.log(
		`${pad(kb(gz(l)).toFixed(1), 9)} ${pad(kb(readFileSync(l).length).toFixed(1), 9)}  ${relative(dir, l)}`
	);
}

const ok = kb(total) < BUDGET_KB;
console.log(
	`\nInitial JavaScript: ${kb(total).toFixed(1)} kB gzipped — ${ok ? 'within' : 'OVER'} the budget of ${BUDGET_KB} kB.`
);
process.exit(ok ? 0 : 1);
