import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/**
 * The layers (README "Architecture", decision 0024), lowest first:
 * model ← engine ← io (with data/) ← workers ← client ← state ← ui and charts ← routes;
 * the command line (cli/) uses model, engine and io; storage uses model only. JSON assets in
 * src/lib/data/ import nothing and any layer may read them. Each folder gets one
 * `no-restricted-imports` block listing the folders it may not import, in both the `$lib/x` (or
 * `$workers`) and the relative `../x` forms, with a message saying the rule.
 */
const lib = (folder) => `^(\\$lib/|(\\.\\./)+(src/lib/)?)${folder}(/|$)`;
const LAYER_IMPORT = {
	model: lib('model'),
	engine: lib('engine'),
	io: lib('io'),
	// data/'s TypeScript modules (the built-in dataset, read through io); its JSON files are leaves.
	data: `^(\\$lib/|(\\.\\./)+(src/lib/)?)data/(?!.*\\.json$)`,
	storage: lib('storage'),
	workers: '^(\\$workers(/|$)|(\\.\\./)+workers(/|$))',
	client: lib('client'),
	state: lib('state'),
	ui: lib('ui'),
	charts: lib('charts'),
	routes: '^(\\.\\./)+(src/)?routes(/|$)'
};

/**
 * A config block forbidding `files` to import the given layers.
 * @param {string[]} files globs of the folder's files
 * @param {(keyof typeof LAYER_IMPORT)[]} forbidden layers it may not import
 * @param {string} message the rule, shown with every error
 */
function layer(files, forbidden, message) {
	return {
		files,
		rules: {
			'no-restricted-imports': [
				'error',
				{ patterns: forbidden.map((f) => ({ regex: LAYER_IMPORT[f], message })) }
			]
		}
	};
}

const TS = ['ts', 'js', 'svelte', 'svelte.ts'];
const within = (folder) => TS.map((ext) => `${folder}/**/*.${ext}`);

export default ts.config(
	{
		ignores: [
			'build/',
			'build-*/',
			'.svelte-kit/',
			'.svelte-kit-*/',
			'.cli/',
			'.cli.tmp-*/',
			'node_modules/',
			'test-results/',
			'playwright-report/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		// The engine must be deterministic: no clock, no unseeded randomness.
		files: ['src/lib/engine/**/*.ts'],
		rules: {
			'no-restricted-properties': [
				'error',
				{ object: 'Math', property: 'random', message: 'Use the seeded generator in rng.ts.' },
				{ object: 'Date', property: 'now', message: 'The engine does not read the clock.' }
			],
			'no-restricted-syntax': [
				'error',
				{
					selector: "NewExpression[callee.name='Date']",
					message: 'The engine does not read the clock.'
				}
			],
			'no-restricted-globals': ['error', 'document', 'window', 'indexedDB', 'navigator']
		}
	},
	// ---- Layers (owned with decision 0024; see LAYER_IMPORT above) ----
	layer(
		within('src/lib/model'),
		['engine', 'io', 'data', 'storage', 'workers', 'client', 'state', 'ui', 'charts', 'routes'],
		'model is the bottom layer (types, validation): it may import model only.'
	),
	layer(
		within('src/lib/engine'),
		['io', 'data', 'storage', 'workers', 'client', 'state', 'ui', 'charts', 'routes'],
		'engine is pure: it may import model only (and JSON assets in src/lib/data/).'
	),
	layer(
		within('src/lib/io'),
		['data', 'storage', 'workers', 'client', 'state', 'ui', 'charts', 'routes'],
		'io (file formats) may import engine and model only (and JSON assets in src/lib/data/); the caller saves or downloads.'
	),
	layer(
		within('src/lib/data'),
		['storage', 'workers', 'client', 'state', 'ui', 'charts', 'routes'],
		'data (the built-in dataset, read through io) may import io, engine and model only.'
	),
	layer(
		within('src/lib/storage'),
		['engine', 'io', 'data', 'workers', 'client', 'state', 'ui', 'charts', 'routes'],
		'storage (IndexedDB) may import model only.'
	),
	layer(
		within('workers'),
		['storage', 'client', 'state', 'ui', 'charts', 'routes'],
		'workers may import io (and data), engine and model only.'
	),
	layer(
		within('src/lib/client'),
		['storage', 'state', 'ui', 'charts', 'routes'],
		'client (worker clients) may import workers, io (and data), engine and model only.'
	),
	layer(
		within('cli'),
		['storage', 'workers', 'client', 'state', 'ui', 'charts', 'routes'],
		'the command line may import io (and data), engine and model only.'
	),
	layer(
		within('src/lib/charts'),
		['engine', 'io', 'data', 'storage', 'workers', 'client', 'state', 'ui', 'routes'],
		'charts draw what they are given: they may import model only (the caller saves exports).'
	),
	// ---- Layers: state, ui and routes (decision 0025) ----
	layer(
		within('src/lib/state'),
		['ui', 'charts', 'routes'],
		'state (runes stores, page workflows) may import client, workers, io (and data), engine, storage and model; not ui, charts or routes.'
	),
	layer(
		within('src/lib/ui'),
		['engine', 'io', 'data', 'storage', 'workers', 'routes'],
		'ui is components: it may import state, charts, client and model; the engine, file formats and storage are reached through a state module.'
	),
	layer(
		within('src/routes'),
		['engine', 'io', 'data', 'storage', 'workers'],
		'a page composes: it may import ui, charts, state, client and model; the engine, file formats and storage are reached through a state module.'
	)
);
