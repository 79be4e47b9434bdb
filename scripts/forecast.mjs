/**
 * `npm run forecast -- <verb> …`: runs the command line (cli/forecast.ts) from a bundle in
 * `.cli/`, so that it starts in a fraction of the time tsx takes to compile the sources on
 * every run (BENCHMARKS.md, "Command line").
 *
 * The bundle is built here, on demand, whenever it is missing or any of its sources (cli/,
 * src/lib/, package.json, this file) is newer — so it works straight after `npm ci`, in CI and
 * after an edit, with nothing to remember. Building uses Vite's SSR build (a dev dependency;
 * packages stay external and load from node_modules) and takes a few seconds; it writes into a
 * fresh folder and renames it into place, so runs started at the same time never read a
 * half-written bundle. `forecast england`'s worker thread is a second entry, `england-worker.js`,
 * beside `forecast.js` (cli/england.ts looks for it there).
 *
 * Set FORECAST_NO_BUNDLE=1 to run the sources through tsx instead (what the tests do).
 *
 * Relative paths (`--out kent.json`, `--dataset ../x.json`, `sen2 files/`) are the user's: npm
 * runs a script in the package's folder, so when `npm run forecast` started this, the command
 * line runs in the folder npm was started from (INIT_CWD), not the repository's root.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, '.cli');
const ENTRY = join(OUT, 'forecast.js');
const SOURCES = ['cli', 'src/lib', 'package.json', 'scripts/forecast.mjs'];

/**
 * The newest modification time (ms) of a file or of any file under a folder.
 * @param {string} path
 * @returns {number}
 */
function newest(path) {
	const st = statSync(path);
	if (!st.isDirectory()) return st.mtimeMs;
	let t = st.mtimeMs;
	for (const name of readdirSync(path)) t = Math.max(t, newest(join(path, name)));
	return t;
}

function stale() {
	if (!existsSync(ENTRY)) return true;
	const built = statSync(ENTRY).mtimeMs;
	return SOURCES.some((s) => newest(join(ROOT, s)) > built);
}

/**
 * Vite reads tsconfig.json, which extends the one SvelteKit generates into .svelte-kit/. A fresh
 * clone has none until something runs `svelte-kit sync` (the app's build, `npm run check`): run
 * it here, so that `npm run forecast` works straight after `npm ci`.
 */
function ensureKitTsconfig() {
	if (existsSync(join(ROOT, '.svelte-kit', 'tsconfig.json'))) return;
	const kit = join(ROOT, 'node_modules', '@sveltejs', 'kit', 'svelte-kit.js');
	const r = spawnSync(process.execPath, [kit, 'sync'], {
		cwd: ROOT,
		stdio: ['ignore', 'ignore', 'inherit']
	});
	if (r.status !== 0) {
		throw new Error(`svelte-kit sync exited with ${r.status ?? r.signal} (run npm ci first)`);
	}
}

async function buildBundle() {
	ensureKitTsconfig();
	const { build } = await import('vite');
	const tmp = `${OUT}.tmp-${process.pid}`;
	rmSync(tmp, { recursive: true, force: true });
	await build({
		configFile: false,
		root: ROOT,
		logLevel: 'error',
		build: {
			ssr: true,
			outDir: tmp,
			emptyOutDir: true,
			target: 'node20',
			minify: false,
			sourcemap: false,
			rollupOptions: {
				input: {
					forecast: join(ROOT, 'cli/forecast.ts'),
					'england-worker': join(ROOT, 'cli/england-worker.ts')
				},
				output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' }
			}
		}
	});
	rmSync(OUT, { recursive: true, force: true });
	try {
		renameSync(tmp, OUT);
	} catch (e) {
		// Another run renamed its own fresh bundle into place first: use that one.
		rmSync(tmp, { recursive: true, force: true });
		if (!existsSync(ENTRY)) throw e;
	}
}

/** The folder the user ran `npm run forecast` in, or this process's own when npm did not start it. */
function userFolder() {
	const init = process.env.INIT_CWD;
	return process.env.npm_lifecycle_event === 'forecast' && init && existsSync(init)
		? init
		: process.cwd();
}

if (process.env.FORECAST_NO_BUNDLE === '1') {
	// tsx by its full address: the user's folder may not see this project's node_modules.
	const r = spawnSync(
		process.execPath,
		[
			'--import',
			import.meta.resolve('tsx'),
			join(ROOT, 'cli/forecast.ts'),
			...process.argv.slice(2)
		],
		{ stdio: 'inherit', cwd: userFolder() }
	);
	process.exit(r.status ?? 2);
}
if (stale()) {
	process.stderr.write('forecast: building the command line into .cli/ (sources changed)…\n');
	try {
		await buildBundle();
	} catch (e) {
		process.stderr.write(`forecast: could not build the command line: ${String(e)}\n`);
		process.exit(2);
	}
}
process.chdir(userFolder());
await import(pathToFileURL(ENTRY).href);
