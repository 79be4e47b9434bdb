/**
 * Reading and writing the command line's files, so that every verb behaves the same:
 *
 * - a file is read as strict UTF-8: bytes that are not UTF-8 are refused naming the file, line
 *   and byte (src/lib/io/csv/utf8.ts), never turned into U+FFFD;
 * - every error names the file and says why in words (`ENOENT` → "no such file or folder");
 * - a file is written whole or not at all: into a temporary file beside it, then renamed over
 *   it, so an interrupted or failed write never leaves half a file;
 * - a set of files (witan's five outputs) is written all or none: into a temporary folder beside
 *   the target folder, then moved in, the files it replaces kept until every new one is in;
 * - replacing an existing file is said on stderr (`note: replacing out.csv`);
 * - where a file is to be written is checked before the work that makes it (`prepareOut…`), so
 *   a path that cannot be created fails at once, not after a long run.
 */
import {
	closeSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	openSync,
	readFileSync,
	renameSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ImportError } from '../src/lib/io/csv/errors';
import { decodeUtf8 } from '../src/lib/io/csv/utf8';

/** A file that cannot be read or written; the message names it. */
export class CliFileError extends Error {
	constructor(message: string, options?: { cause?: unknown }) {
		super(message, options);
		this.name = 'CliFileError';
	}
}

/** Where warnings and notes go (stderr in the command line). */
export type Note = (line: string) => void;

const REASONS: Record<string, string> = {
	ENOENT: 'no such file or folder',
	EACCES: 'permission denied',
	EPERM: 'operation not permitted',
	EISDIR: 'it is a folder',
	ENOTDIR: 'a part of the path is a file, not a folder',
	EEXIST: 'it already exists',
	EROFS: 'the file system is read-only',
	ENOSPC: 'no space left on the device',
	EMFILE: 'too many open files',
	ENAMETOOLONG: 'the name is too long',
	ELOOP: 'too many symbolic links'
};

/**
 * Why a file operation failed, in words with the system's code.
 * @example reason({ code: 'ENOENT' }) // 'no such file or folder (ENOENT)'
 */
export function reason(e: unknown): string {
	const code = (e as NodeJS.ErrnoException)?.code;
	if (code) return REASONS[code] ? `${REASONS[code]} (${code})` : code;
	return (e as Error)?.message ?? String(e);
}

/**
 * A file's text, decoded as strict UTF-8. `what` names the file's role in the message
 * ("the dataset file").
 * @example readTextFile('my-council.json', 'the dataset file')
 */
export function readTextFile(path: string, what = 'the file'): string {
	let bytes: Buffer;
	try {
		bytes = readFileSync(path);
	} catch (e) {
		throw new CliFileError(`Cannot read ${what} ${path}: ${reason(e)}.`, { cause: e });
	}
	try {
		return decodeUtf8(bytes, path);
	} catch (e) {
		if (e instanceof ImportError) throw new CliFileError(`${e.message}.`, { cause: e });
		throw e;
	}
}

/**
 * Checks, before any work, that `path` can be written as a file: its folder must exist (it is
 * not made: a mistyped folder should not be created silently) and be writable (a temporary file
 * is made in it and removed: `access()` says yes to root on a read-only folder such as /sys), and
 * `path` must not be a folder. Returns whether it exists already.
 * @example prepareOutFile('out/monitoring.xlsx') // false
 */
export function prepareOutFile(path: string): boolean {
	const folder = dirname(resolve(path));
	try {
		if (!statSync(folder).isDirectory()) fail(path, `${dirname(path)} is a file, not a folder`);
	} catch (e) {
		if (e instanceof CliFileError) throw e;
		throw new CliFileError(`Cannot write ${path}: the folder ${dirname(path)}: ${reason(e)}.`, {
			cause: e
		});
	}
	const probe = join(folder, `.${basename(path)}.probe-${process.pid}`);
	try {
		closeSync(openSync(probe, 'wx'));
	} catch (e) {
		throw new CliFileError(
			`Cannot write ${path}: the folder ${dirname(path)} cannot be written to: ${reason(e)}.`,
			{ cause: e }
		);
	} finally {
		rmSync(probe, { force: true });
	}
	let exists = false;
	try {
		exists = statSync(path).isDirectory() ? fail(path, 'it is a folder') : true;
	} catch (e) {
		if (e instanceof CliFileError) throw e;
		if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
			throw new CliFileError(`Cannot write ${path}: ${reason(e)}.`, { cause: e });
		}
	}
	return exists;
}

/**
 * Writes a file whole or not at all (a temporary file beside it, then renamed over it), saying
 * on `note` when it replaces one.
 * @example writeFileWhole('kingston.json', text, (l) => process.stderr.write(l + '\n'))
 */
export function writeFileWhole(path: string, data: string | Uint8Array, note: Note): void {
	const existed = prepareOutFile(path);
	const temp = join(dirname(resolve(path)), `.${basename(path)}.partial-${process.pid}`);
	try {
		writeFileSync(temp, data);
		renameSync(temp, path);
	} catch (e) {
		rmSync(temp, { force: true });
		throw new CliFileError(`Cannot write ${path}: ${reason(e)}.`, { cause: e });
	}
	if (existed) note(`note: replaced ${path}, which existed.`);
}

/** A folder to write a set of files into, checked and with a temporary folder beside it. */
export interface OutFolder {
	/** The target folder, as given. */
	path: string;
	/** Writes the files all or none and returns their paths; call once. */
	commit(files: readonly { name: string; text: string | Uint8Array }[]): string[];
	/** Removes the temporary folder (after a failure before `commit`). */
	abandon(): void;
}

/**
 * Checks, before any work, that a folder of files can be written at `path` (made if needed,
 * with its parents), and makes the temporary folder beside it that `commit` fills and moves in.
 * @example const out = prepareOutFolder('out/'); …; out.commit(files)
 */
export function prepareOutFolder(path: string, note: Note): OutFolder {
	const target = resolve(path);
	const parent = dirname(target);
	makeFolder(parent, path);
	if (existsSync(target) && !statSync(target).isDirectory()) {
		fail(path, 'it is a file, not a folder');
	}
	let temp: string;
	try {
		temp = mkdtempSync(join(parent, `.${basename(target)}.partial-`));
	} catch (e) {
		throw new CliFileError(`Cannot write into ${path}: ${reason(e)}.`, { cause: e });
	}
	const abandon = () => rmSync(temp, { recursive: true, force: true });
	return {
		path,
		abandon,
		commit(files) {
			try {
				for (const f of files) writeFileSync(join(temp, f.name), f.text);
			} catch (e) {
				abandon();
				throw new CliFileError(`Cannot write into ${path}: ${reason(e)}; nothing was written.`, {
					cause: e
				});
			}
			for (const f of files) {
				const to = join(target, f.name);
				if (existsSync(to) && !statSync(to).isFile()) {
					abandon();
					fail(join(path, f.name), 'it is not a file (a folder?); nothing was written');
				}
			}
			const paths = files.map((f) => join(path, f.name));
			if (!existsSync(target)) {
				try {
					renameSync(temp, target);
					return paths;
				} catch (e) {
					abandon();
					throw new CliFileError(`Cannot write ${path}: ${reason(e)}; nothing was written.`, {
						cause: e
					});
				}
			}
			try {
				const replaced = moveIn(temp, target, files);
				if (replaced.length > 0) {
					note(`note: replaced ${replaced.join(', ')} in ${path}, which existed.`);
				}
			} finally {
				abandon();
			}
			return paths;
		}
	};
}

/**
 * Moves every file from `temp` into the existing folder `target`; the files it replaces go to
 * `temp/.old` first and come back if any move fails, so the folder ends with all the new files
 * or with what it had. Returns the names replaced. (Exported for its tests.)
 */
export function moveIn(temp: string, target: string, files: readonly { name: string }[]): string[] {
	const old = join(temp, '.old');
	mkdirSync(old);
	const kept: string[] = [];
	const placed: string[] = [];
	try {
		for (const { name } of files) {
			const to = join(target, name);
			if (existsSync(to)) {
				renameSync(to, join(old, name));
				kept.push(name);
			}
			renameSync(join(temp, name), to);
			placed.push(name);
		}
	} catch (e) {
		for (const name of placed) rmSync(join(target, name), { force: true });
		for (const name of kept) renameSync(join(old, name), join(target, name));
		throw new CliFileError(`Cannot write into ${target}: ${reason(e)}; nothing was changed.`, {
			cause: e
		});
	}
	return kept;
}

function makeFolder(folder: string, forPath: string): void {
	try {
		mkdirSync(folder, { recursive: true });
	} catch (e) {
		// mkdir over a file says EEXIST, which reads as if the folder were there.
		const why =
			(e as NodeJS.ErrnoException).code === 'EEXIST' ? 'it is a file, not a folder' : reason(e);
		throw new CliFileError(`Cannot write ${forPath}: cannot make ${folder}: ${why}.`, {
			cause: e
		});
	}
}

function fail(path: string, why: string): never {
	throw new CliFileError(`Cannot write ${path}: ${why}.`);
}
