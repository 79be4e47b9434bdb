/**
 * Entry point of `npm run forecast`: runs the command line and turns errors into a message on
 * stderr and exit code 2. The commands are in main.ts (importable by tests).
 */
import { main, UsageError } from './main';
import { inWords } from './messages';

// `forecast run … | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
	if (e.code === 'EPIPE') process.exit(0);
	throw e;
});

function fail(e: unknown) {
	const known = e instanceof UsageError;
	const message = known
		? (e as Error).message
		: `forecast failed: ${inWords((e as Error).message)}`;
	process.stderr.write(message.endsWith('\n') ? message : message + '\n');
	process.exitCode = 2;
}

try {
	const code = main(process.argv.slice(2), (s) => process.stdout.write(s));
	if (typeof code === 'number') process.exitCode = code;
	else code.then((c) => (process.exitCode = c), fail);
} catch (e) {
	fail(e);
}
