/**
 * The command line's arguments (decision 0033): each verb takes its own options and arguments,
 * and anything else is an error that names it and lists what the verb takes, so that a mistyped
 * or misplaced option never changes the output silently (`export --dataset x.json` exporting the
 * built-in data, `run --out f.csv` printing to the terminal).
 *
 * Parsing is done here rather than by Node's `parseArgs`, whose messages name its own internals
 * ("argument is ambiguous") and which cannot say which verb an option belongs to. A value may
 * follow its option (`--sims 10`) or be joined to it (`--sims=10`); a value that starts with a
 * dash is taken as a value (`--sims -5` is then refused by the option's own check, in words).
 */

/** Something the user should fix in the command: printed on stderr with exit code 2. */
export class UsageError extends Error {}

/** Every option of the command line, with the word its value is shown by in messages. */
export const OPTIONS = {
	dataset: 'FILE',
	scenario: 'NAME',
	format: 'FORMAT',
	sims: 'N',
	seed: 'S',
	holdout: 'K',
	out: 'PATH',
	plan: 'NAME',
	projection: 'NAME',
	year: 'YEAR',
	authority: 'A',
	origin: 'YEAR',
	horizon: 'H',
	workers: 'W'
} as const;

export type OptionName = keyof typeof OPTIONS;

/** What each verb takes: its options and the arguments after the verb (by their usage names). */
export const VERBS = {
	scenarios: { options: ['dataset'], args: [] },
	run: { options: ['scenario', 'dataset', 'format', 'sims', 'seed'], args: [] },
	backtest: { options: ['dataset', 'holdout', 'sims', 'seed', 'format'], args: [] },
	witan: { options: ['sims', 'seed', 'out'], args: ['<input dir>'] },
	export: { options: ['out', 'dataset'], args: [] },
	'export-table': {
		options: ['format', 'out', 'dataset', 'plan', 'projection', 'scenario', 'year'],
		args: ['<monitoring|kpis|dsg-grid>']
	},
	sen2: { options: ['authority', 'out'], args: ['<dir>'] },
	england: {
		options: ['origin', 'horizon', 'sims', 'seed', 'format', 'out', 'workers'],
		args: ['<dir>']
	}
} as const satisfies Record<string, { options: readonly OptionName[]; args: readonly string[] }>;

export type Verb = keyof typeof VERBS;

/** `--sims` with no number means this many simulations. */
export const DEFAULT_SIMULATIONS = 1000;

export interface Command {
	/** The verb, or undefined when none was given. */
	verb: Verb | undefined;
	/** The arguments after the verb (as many as the verb takes, or fewer). */
	args: string[];
	values: Partial<Record<OptionName, string>>;
	help: boolean;
}

/** A verb's options in words: `--scenario NAME, --dataset FILE, …`. */
export function verbOptions(verb: Verb): string {
	const options: readonly OptionName[] = VERBS[verb].options;
	return options.map((o) => `--${o} ${OPTIONS[o]}`).join(', ');
}

function isVerb(word: string): word is Verb {
	return Object.hasOwn(VERBS, word);
}

function isOption(name: string): name is OptionName {
	return Object.hasOwn(OPTIONS, name);
}

/**
 * Reads the command's arguments. Throws a UsageError, in words, for an option that does not exist
 * or that the verb does not take, an option without its value or given twice, an unknown verb or
 * an argument too many. `--help` anywhere wins over every other problem.
 * @example parseCommand(['run', '--scenario', 'Baseline (trend)']).values.scenario // 'Baseline (trend)'
 */
export function parseCommand(argv: readonly string[]): Command {
	if (argv.includes('--help')) return { verb: undefined, args: [], values: {}, help: true };
	const values: Partial<Record<OptionName, string>> = {};
	const given: { name: string; as: string }[] = [];
	const words: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--') {
			words.push(...argv.slice(i + 1));
			break;
		}
		if (!arg.startsWith('-') || arg === '-') {
			words.push(arg);
			continue;
		}
		const eq = arg.indexOf('=');
		const name = arg.startsWith('--') ? arg.slice(2, eq < 0 ? undefined : eq) : arg;
		given.push({ name, as: arg.startsWith('--') ? `--${name}` : arg });
		if (!arg.startsWith('--') || !isOption(name)) continue; // reported once the verb is known
		let value: string | undefined;
		if (eq >= 0) value = arg.slice(eq + 1);
		else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) value = argv[++i];
		else if (name === 'sims') value = String(DEFAULT_SIMULATIONS);
		if (value === undefined) {
			throw new UsageError(`--${name} needs a value: --${name} ${OPTIONS[name]}.`);
		}
		if (values[name] !== undefined) {
			throw new UsageError(`--${name} is given twice: give it once.`);
		}
		values[name] = value;
	}
	const [word, ...args] = words;
	if (word !== undefined && !isVerb(word)) {
		throw new UsageError(
			`Unknown verb "${word}". The verbs are: ${Object.keys(VERBS).join(', ')} (see --help).`
		);
	}
	const verb = word;
	for (const g of given) {
		if (!isOption(g.name) || !g.as.startsWith('--')) {
			throw new UsageError(
				`Unknown option ${g.as}` +
					(verb
						? ` for ${verb}. ${verb} takes: ${verbOptions(verb)}.`
						: `. Give a verb first (see --help).`)
			);
		}
		if (verb && !(VERBS[verb].options as readonly string[]).includes(g.name)) {
			throw new UsageError(`${verb} does not take ${g.as}. ${verb} takes: ${verbOptions(verb)}.`);
		}
	}
	if (verb && args.length > VERBS[verb].args.length) {
		const expected: readonly string[] = VERBS[verb].args;
		const extra = args
			.slice(expected.length)
			.map((a) => `"${a}"`)
			.join(', ');
		throw new UsageError(
			expected.length === 0
				? `${verb} takes no argument after the verb, got ${extra}. ${verb} takes: ${verbOptions(verb)}.`
				: `${verb} takes one argument, ${expected[0]}, got also ${extra} (an option's value needs its option, such as --out FILE).`
		);
	}
	return { verb, args, values, help: false };
}
