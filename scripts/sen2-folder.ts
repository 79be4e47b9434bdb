/**
 * SEN2 files of a folder for the Node scripts: every .csv under it (recursively) that the Data page
 * would accept as a SEN2 file, as texts (UTF-8, refused otherwise).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { decodeUtf8 } from '../src/lib/io/csv/utf8';
import { detectSen2File } from '../src/lib/io/sen2/kinds';

function csvFiles(dir: string): string[] {
	const out: string[] = [];
	for (const name of readdirSync(dir).sort()) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) out.push(...csvFiles(path));
		else if (name.toLowerCase().endsWith('.csv')) out.push(path);
	}
	return out;
}

/** The SEN2 files of a folder (searched recursively), as texts. */
export function readSen2Folder(dir: string): { name: string; text: string }[] {
	return csvFiles(dir)
		.map((path) => ({ name: basename(path), text: decodeUtf8(readFileSync(path), path) }))
		.filter((f) => {
			try {
				const header = f.text
					.replace(/^\uFEFF/, '')
					.split(/\r?\n/, 1)[0]
					.split(',');
				detectSen2File(header, f.name);
				return true;
			} catch {
				return false;
			}
		});
}
