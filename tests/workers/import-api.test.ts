import { describe, expect, it } from 'vitest';
import { CsvError, ImportError } from '$lib/io/csv/errors';
import { importSen2 } from '$lib/io/sen2/import';
import {
	sen2WorkerApi,
	sen2WorkerEndpointApi,
	settle,
	unsettle,
	type Sen2Progress
} from '../../workers/import-api';
import { MI, RELEASE_2022, RELEASE_2025, fixture } from '../lib/io/sen2/fixtures';

const asFiles = (paths: string[]) =>
	paths.map(fixture).map((f) => new File([f.text], f.name, { type: 'text/csv' }));

async function rejected(p: Promise<unknown>): Promise<Error> {
	try {
		await p;
	} catch (e) {
		return e as Error;
	}
	throw new Error('expected a rejection');
}

describe('sen2WorkerApi', () => {
	it('streams the files to the same result as the in-memory import', async () => {
		const paths = [...RELEASE_2022, ...RELEASE_2025];
		const streamed = await sen2WorkerApi.importFiles(asFiles(paths), 'Kingston upon Thames');
		expect(streamed).toEqual(importSen2(paths.map(fixture), 'Kingston upon Thames'));
	});

	it('reads named Blobs as well as Files', async () => {
		const f = fixture(MI);
		const r = await sen2WorkerApi.importFiles([{ name: f.name, blob: new Blob([f.text]) }], '314');
		expect(r.history.requests?.map((x) => x.count.value)).toEqual([229, 240]);
	});

	it('reports progress file by file, rising to 1', async () => {
		const seen: Sen2Progress[] = [];
		await sen2WorkerApi.scan(asFiles(RELEASE_2022), (p) => seen.push(p));
		const fractions = seen.map((p) => p.fraction);
		expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
		expect(fractions[0]).toBe(0);
		expect(fractions[fractions.length - 1]).toBe(1);
		expect(new Set(seen.map((p) => p.file))).toEqual(
			new Set(RELEASE_2022.map((p) => p.split('/')[1]))
		);
		expect(seen.every((p) => p.fileCount === 4 && p.totalBytes > 0)).toBe(true);
	});

	it('lists the authorities and kinds of the files', async () => {
		const scan = await sen2WorkerApi.scan(asFiles(RELEASE_2025));
		expect(scan.authorities.map((a) => a.name)).toEqual([
			'Kingston upon Hull, City of',
			'Kingston upon Thames'
		]);
		expect(scan.files.map((f) => f.kind)).toEqual(['caseload', 'newplans']);
	});

	it('rejects a wrong file with an ImportError, returning nothing', async () => {
		const wrong = new File(['setting,cost\nA,1\n'], 'costs.csv');
		const e = await rejected(sen2WorkerApi.importFiles([...asFiles([MI]), wrong], '314'));
		expect(e).toBeInstanceOf(ImportError);
		expect(e.message).toMatch(/^costs\.csv, row 1: expected a DfE SEN2 statistics file/);
	});

	it('rejects no files', async () => {
		expect((await rejected(sen2WorkerApi.scan([]))).message).toBe(
			'SEN2 import: expected at least one SEN2 file, got none'
		);
	});
});

describe('settle and unsettle', () => {
	it('carry an ImportError across as data and back, with its place', async () => {
		const s = await settle(
			Promise.reject(new ImportError('sen2_mi.csv', 7, 'InreqEHC', 'a count', '"abc"'))
		);
		expect(JSON.parse(JSON.stringify(s))).toEqual(s);
		const e = (() => {
			try {
				unsettle(s);
			} catch (err) {
				return err as ImportError;
			}
		})()!;
		expect(e).toBeInstanceOf(ImportError);
		expect([e.file, e.row, e.column, e.message]).toEqual([
			'sen2_mi.csv',
			7,
			'InreqEHC',
			'sen2_mi.csv, row 7, column "InreqEHC": expected a count, got "abc"'
		]);
	});

	it('keep a CsvError a CsvError, and a plain Error an Error', async () => {
		const csv = await settle(Promise.reject(new CsvError('x.csv', 3, null, 'well-formed CSV')));
		expect(() => unsettle(csv)).toThrow(CsvError);
		expect(() => unsettle(csv)).toThrow('x.csv, line 3: expected well-formed CSV');
		const plain = await settle(Promise.reject(new TypeError('boom')));
		expect(() => unsettle(plain)).toThrow('boom');
		expect(unsettle(await settle(Promise.resolve(5)))).toBe(5);
	});

	it('settle every call of the worker endpoint', async () => {
		const out = await sen2WorkerEndpointApi.scan([]);
		expect(out.ok).toBe(false);
	});
});
