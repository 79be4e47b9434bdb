import { describe, expect, it } from 'vitest';
import { DEFAULT_SIMULATIONS, VERBS, parseCommand, verbOptions } from '../../cli/args';

const RUN_TAKES =
	'run takes: --scenario NAME, --dataset FILE, --format FORMAT, --sims N, --seed S.';

describe('parseCommand', () => {
	it('reads the verb, its argument and its options, joined or not', () => {
		expect(parseCommand(['sen2', 'files/', '--authority', 'Kent', '--out=kent.json'])).toEqual({
			verb: 'sen2',
			args: ['files/'],
			values: { authority: 'Kent', out: 'kent.json' },
			help: false
		});
	});

	it('gives --sims its default when it stands alone', () => {
		expect(parseCommand(['run', '--sims']).values.sims).toBe(String(DEFAULT_SIMULATIONS));
		expect(parseCommand(['run', '--sims', '--seed', '3']).values).toEqual({
			sims: String(DEFAULT_SIMULATIONS),
			seed: '3'
		});
	});

	it('takes a value that starts with a dash as the value, for the option to judge', () => {
		expect(parseCommand(['run', '--sims', '-5']).values.sims).toBe('-5');
	});

	it('refuses an option the verb does not take, naming both and listing its options', () => {
		expect(() => parseCommand(['run', '--out', 'x.csv'])).toThrow(
			`run does not take --out. ${RUN_TAKES}`
		);
		expect(() => parseCommand(['run', '--horizon', '3'])).toThrow(
			`run does not take --horizon. ${RUN_TAKES}`
		);
		expect(() => parseCommand(['witan', 'in/', '--dataset', 'x.json'])).toThrow(
			'witan does not take --dataset. witan takes: --sims N, --seed S, --out PATH.'
		);
	});

	it('refuses an option that does not exist, with the verb’s options, and a short option', () => {
		expect(() => parseCommand(['run', '--bogus'])).toThrow(
			`Unknown option --bogus for run. ${RUN_TAKES}`
		);
		expect(() => parseCommand(['run', '-x'])).toThrow(`Unknown option -x for run. ${RUN_TAKES}`);
		expect(() => parseCommand(['--bogus'])).toThrow('Unknown option --bogus. Give a verb first');
	});

	it('refuses arguments the verb does not take', () => {
		expect(() => parseCommand(['scenarios', 'extra'])).toThrow(
			'scenarios takes no argument after the verb, got "extra". scenarios takes: --dataset FILE.'
		);
		expect(() => parseCommand(['sen2', 'a/', 'b/'])).toThrow(
			'sen2 takes one argument, <dir>, got also "b/"'
		);
	});

	it('refuses an option without its value, one given twice, and an unknown verb', () => {
		expect(() => parseCommand(['run', '--dataset'])).toThrow(
			'--dataset needs a value: --dataset FILE.'
		);
		expect(() => parseCommand(['run', '--dataset', '--scenario', 'x'])).toThrow(
			'--dataset needs a value: --dataset FILE.'
		);
		expect(() => parseCommand(['run', '--seed', '1', '--seed', '2'])).toThrow(
			'--seed is given twice: give it once.'
		);
		expect(() => parseCommand(['frobnicate'])).toThrow(
			'Unknown verb "frobnicate". The verbs are: scenarios, run, backtest, witan, export, export-table, sen2, england (see --help).'
		);
	});

	it('lets --help win over any other problem', () => {
		expect(parseCommand(['run', '--bogus', '--help']).help).toBe(true);
	});

	it('lists every verb’s options in words', () => {
		for (const verb of Object.keys(VERBS) as (keyof typeof VERBS)[]) {
			expect(verbOptions(verb)).toMatch(/^--[a-z]+ [A-Z]+(, --[a-z]+ [A-Z]+)*$/);
		}
	});
});
