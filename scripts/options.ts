/**
 * The value after `--name` in a script's arguments, or `fallback` (the evaluation scripts' one
 * option reader).
 * @example option(['dir', '--sims', '500'], '--sims', '200') // '500'
 */
export function option(argv: string[], name: string, fallback: string): string {
	const i = argv.indexOf(name);
	return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
}
