import {
	chmodSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	readdirSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
	CliFileError,
	moveIn,
	prepareOutFile,
	prepareOutFolder,
	readTextFile,
	reason,
	writeFileWhole
} from '../../cli/files';

const root = mkdtempSync(join(tmpdir(), 'cli-files-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function folder(name: string): string {
	const dir = join(root, name);
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	return dir;
}

const FIVE = ['A.csv', 'B.csv', 'C.csv', 'D.csv', 'E.csv'].map((name) => ({
	name,
	text: `new ${name}\n`
}));

describe('readTextFile', () => {
	it('reads UTF-8 text, naming the file and the reason in words when it cannot', () => {
		const dir = folder('read');
		writeFileSync(join(dir, 'ok.json'), '\uFEFF{"name": "Ynys Môn"}');
		expect(readTextFile(join(dir, 'ok.json'))).toBe('{"name": "Ynys Môn"}');
		expect(() => readTextFile(join(dir, 'nope.json'), 'the dataset file')).toThrow(
			`Cannot read the dataset file ${join(dir, 'nope.json')}: no such file or folder (ENOENT).`
		);
		expect(() => readTextFile(dir, 'the dataset file')).toThrow(/: it is a folder \(EISDIR\)\.$/);
	});

	it('refuses bytes that are not UTF-8, naming the file, line and byte, instead of reading U+FFFD', () => {
		const dir = folder('latin');
		const path = join(dir, 'latin.json');
		writeFileSync(
			path,
			Buffer.concat([Buffer.from('{\n"a": "'), Buffer.from([0xe9]), Buffer.from('"}')])
		);
		expect(() => readTextFile(path)).toThrow(CliFileError);
		expect(() => readTextFile(path)).toThrow(
			// A .json file gets advice about JSON, not about saving a spreadsheet as CSV (decision 0034).
			`${path}, row 2: expected UTF-8 text (a JSON file, as the workbench exports a scenario set), got a byte that is not UTF-8 (0xE9 at byte 9).`
		);
	});
});

describe('writeFileWhole', () => {
	it('writes a new file silently and says when it replaces one', () => {
		const dir = folder('whole');
		const path = join(dir, 'out.csv');
		const notes: string[] = [];
		writeFileWhole(path, 'one\n', (l) => notes.push(l));
		expect(notes).toEqual([]);
		writeFileWhole(path, 'two\n', (l) => notes.push(l));
		expect(readFileSync(path, 'utf8')).toBe('two\n');
		expect(notes).toEqual([`note: replaced ${path}, which existed.`]);
		expect(readdirSync(dir)).toEqual(['out.csv']);
	});

	it('refuses a folder that does not exist or a path that is a folder, before writing anything', () => {
		const dir = folder('nowhere');
		expect(() => writeFileWhole(join(dir, 'no', 'x.csv'), 'x', () => {})).toThrow(
			/^Cannot write .*x\.csv: the folder .*no: no such file or folder \(ENOENT\)\.$/
		);
		expect(() => prepareOutFile(dir)).toThrow(`Cannot write ${dir}: it is a folder.`);
		writeFileSync(join(dir, 'file'), '');
		expect(() => prepareOutFile(join(dir, 'file', 'x.csv'))).toThrow(/is a file, not a folder\.$/);
		expect(readdirSync(dir)).toEqual(['file']);
	});

	it.skipIf(!existsSync('/sys/kernel'))(
		'refuses, before any work, a folder that exists but cannot be written to (/sys, even for root)',
		() => {
			expect(() => prepareOutFile('/sys/e.csv')).toThrow(
				'Cannot write /sys/e.csv: the folder /sys cannot be written to: permission denied (EACCES).'
			);
		}
	);

	it.skipIf(process.getuid?.() === 0)(
		'refuses a folder without write permission, leaving nothing in it',
		() => {
			const dir = folder('read-only');
			chmodSync(dir, 0o500);
			try {
				expect(() => prepareOutFile(join(dir, 'x.csv'))).toThrow(
					/^Cannot write .*x\.csv: the folder .*read-only cannot be written to: permission denied \(EACCES\)\.$/
				);
			} finally {
				chmodSync(dir, 0o700);
			}
			expect(readdirSync(dir)).toEqual([]);
		}
	);

	it('leaves no probe file behind in a folder it can write to', () => {
		const dir = folder('probed');
		expect(prepareOutFile(join(dir, 'x.csv'))).toBe(false);
		expect(readdirSync(dir)).toEqual([]);
	});

	it.skipIf(process.getuid?.() === 0)('leaves a file it cannot replace as it was', () => {
		const dir = folder('locked');
		const path = join(dir, 'out.csv');
		writeFileSync(path, 'old\n');
		chmodSync(dir, 0o500);
		try {
			expect(() => writeFileWhole(path, 'new\n', () => {})).toThrow(
				// The folder is found unwritable before the write (prepareOutFile's probe).
				/^Cannot write .*out\.csv: .*permission denied \(EACCES\)\.$/
			);
		} finally {
			chmodSync(dir, 0o700);
		}
		expect(readFileSync(path, 'utf8')).toBe('old\n');
		expect(readdirSync(dir)).toEqual(['out.csv']);
	});
});

describe('prepareOutFolder', () => {
	it('makes a new folder with every file, leaving nothing else beside it', () => {
		const dir = folder('new');
		const out = prepareOutFolder(join(dir, 'a', 'out'), () => {});
		expect(existsSync(join(dir, 'a', 'out'))).toBe(false);
		expect(out.commit(FIVE)).toEqual(FIVE.map((f) => join(dir, 'a', 'out', f.name)));
		expect(readdirSync(join(dir, 'a', 'out')).sort()).toEqual(FIVE.map((f) => f.name));
		expect(readdirSync(join(dir, 'a'))).toEqual(['out']);
	});

	it('replaces the files of an existing folder, keeping its other files, and says which', () => {
		const dir = folder('existing');
		writeFileSync(join(dir, 'A.csv'), 'old A\n');
		writeFileSync(join(dir, 'keep.txt'), 'mine\n');
		const notes: string[] = [];
		prepareOutFolder(dir, (l) => notes.push(l)).commit(FIVE);
		expect(readFileSync(join(dir, 'A.csv'), 'utf8')).toBe('new A.csv\n');
		expect(readFileSync(join(dir, 'keep.txt'), 'utf8')).toBe('mine\n');
		expect(readdirSync(dir).sort()).toEqual([...FIVE.map((f) => f.name), 'keep.txt']);
		expect(notes).toEqual([`note: replaced A.csv in ${dir}, which existed.`]);
		expect(readdirSync(root).filter((n) => n.includes('partial'))).toEqual([]);
	});

	it('writes none of the files when a target is a folder, and leaves that folder alone', () => {
		const dir = folder('clash');
		mkdirSync(join(dir, 'D.csv'));
		writeFileSync(join(dir, 'D.csv', 'x'), 'mine\n');
		expect(() => prepareOutFolder(dir, () => {}).commit(FIVE)).toThrow(
			`Cannot write ${join(dir, 'D.csv')}: it is not a file (a folder?); nothing was written.`
		);
		expect(readdirSync(dir)).toEqual(['D.csv']);
		expect(readFileSync(join(dir, 'D.csv', 'x'), 'utf8')).toBe('mine\n');
		expect(readdirSync(root).filter((n) => n.includes('partial'))).toEqual([]);
	});

	it('puts the old files back when a move fails part way', () => {
		const dir = folder('half');
		writeFileSync(join(dir, 'A.csv'), 'old A\n');
		writeFileSync(join(dir, 'E.csv'), 'old E\n');
		const temp = folder('half-temp');
		// D.csv is missing from the temporary folder: its move fails after A, B and C are in.
		for (const f of FIVE) if (f.name !== 'D.csv') writeFileSync(join(temp, f.name), f.text);
		expect(() => moveIn(temp, dir, FIVE)).toThrow(
			/^Cannot write into .*half: no such file or folder \(ENOENT\); nothing was changed\.$/
		);
		expect(readdirSync(dir).sort()).toEqual(['A.csv', 'E.csv']);
		expect(readFileSync(join(dir, 'A.csv'), 'utf8')).toBe('old A\n');
		expect(readFileSync(join(dir, 'E.csv'), 'utf8')).toBe('old E\n');
	});

	it('fails at once for a path that cannot be made, or that is a file', () => {
		const dir = folder('bad');
		writeFileSync(join(dir, 'file'), '');
		expect(() => prepareOutFolder(join(dir, 'file', 'out'), () => {})).toThrow(
			/^Cannot write .*file.out: cannot make .*file: (it is a file, not a folder|a part of the path is a file, not a folder \(ENOTDIR\))\.$/
		);
		expect(() => prepareOutFolder(join(dir, 'file'), () => {})).toThrow(
			/^Cannot write .*file: it is a file, not a folder\.$/
		);
	});

	it('leaves nothing behind when abandoned', () => {
		const dir = folder('abandon');
		prepareOutFolder(join(dir, 'out'), () => {}).abandon();
		expect(readdirSync(dir)).toEqual([]);
	});
});

describe('reason', () => {
	it('puts a system error code in words', () => {
		expect(reason({ code: 'EACCES' })).toBe('permission denied (EACCES)');
		expect(reason({ code: 'EWHATEVER' })).toBe('EWHATEVER');
		expect(reason(new Error('odd'))).toBe('odd');
	});
});
