import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../../src/lib/io/csv/errors';
import {
	closeAuthorities,
	describeAuthority,
	listAuthorities,
	normaliseName,
	rowIsAuthority,
	rowMightMatch,
	selectAuthority,
	type Authority
} from '../../../../src/lib/io/sen2/authorities';

const THAMES: Authority = { name: 'Kingston upon Thames', newCode: 'E09000021', oldCode: '314' };
const HULL: Authority = {
	name: 'Kingston upon Hull, City of',
	newCode: 'E06000010',
	oldCode: '810'
};
const RICHMOND: Authority = { name: 'Richmond upon Thames', newCode: 'E09000027', oldCode: '318' };
const BRISTOL: Authority = { name: 'Bristol, City of', newCode: 'E06000023', oldCode: '801' };
const LIST = [BRISTOL, HULL, THAMES, RICHMOND];

function thrown(f: () => unknown): Error {
	try {
		f();
	} catch (e) {
		return e as Error;
	}
	throw new Error('expected a throw');
}

describe('listAuthorities', () => {
	it('lists the local authorities of some rows once each, sorted by name', () => {
		const la = (p: string, name: string, n: string, o: string) => ({
			time_period: p,
			geographic_level: 'Local authority',
			la_name: name,
			new_la_code: n,
			old_la_code: o
		});
		const rows = [
			{
				time_period: '2021',
				geographic_level: 'National',
				la_name: '',
				new_la_code: '',
				old_la_code: ''
			},
			{
				time_period: '2021',
				geographic_level: 'Regional',
				la_name: '',
				new_la_code: '',
				old_la_code: ''
			},
			la('2021', THAMES.name, THAMES.newCode, THAMES.oldCode),
			la('2015', 'Bristol City of', 'E06000023', '801'),
			la('2021', BRISTOL.name, BRISTOL.newCode, BRISTOL.oldCode),
			la('2018', 'Bristol City of', 'E06000023', '801'),
			la('2020', THAMES.name, THAMES.newCode, THAMES.oldCode)
		];
		expect(listAuthorities(rows)).toEqual([BRISTOL, THAMES]);
	});

	it('keeps the ONS codes an authority had before its latest, oldest first', () => {
		const row = (p: string, n: string) => ({
			time_period: p,
			geographic_level: 'Local authority',
			la_name: 'Buckinghamshire',
			new_la_code: n,
			old_la_code: '825'
		});
		expect(
			listAuthorities([
				row('2021', 'E06000060'),
				row('2019', 'E10000002'),
				row('2010', 'E10000002')
			])
		).toEqual([
			{ name: 'Buckinghamshire', newCode: 'E06000060', oldCode: '825', formerCodes: ['E10000002'] }
		]);
	});
});

describe('selectAuthority', () => {
	it('prefers the exact name: Kingston upon Thames is not Kingston upon Hull', () => {
		expect(selectAuthority(LIST, 'Kingston upon Thames')).toBe(THAMES);
		expect(selectAuthority(LIST, 'kingston  upon THAMES ')).toBe(THAMES);
		expect(selectAuthority(LIST, 'Kingston upon Hull, City of')).toBe(HULL);
	});

	it('finds an authority by new code or old code', () => {
		expect(selectAuthority(LIST, 'E09000021')).toBe(THAMES);
		expect(selectAuthority(LIST, 'e09000021')).toBe(THAMES);
		expect(selectAuthority(LIST, '314')).toBe(THAMES);
		expect(selectAuthority(LIST, '810')).toBe(HULL);
	});

	it('ignores punctuation, and takes a part of a name when only one name has it', () => {
		expect(selectAuthority(LIST, 'Kingston upon Hull City of')).toBe(HULL);
		expect(selectAuthority(LIST, 'Hull')).toBe(HULL);
		expect(selectAuthority(LIST, 'bristol')).toBe(BRISTOL);
	});

	it('refuses a name that matches two authorities, listing both with codes', () => {
		const e = thrown(() => selectAuthority(LIST, 'Kingston', 'sen2_mi.csv'));
		expect(e).toBeInstanceOf(ImportError);
		expect(e.message).toBe(
			'sen2_mi.csv, column "la_name": expected one authority: give its full name or a code, got "Kingston", which matches Kingston upon Hull, City of (E06000010, 810) and Kingston upon Thames (E09000021, 314)'
		);
		expect(thrown(() => selectAuthority(LIST, 'upon Thames')).message).toContain(
			'which matches Kingston upon Thames (E09000021, 314) and Richmond upon Thames (E09000027, 318)'
		);
	});

	it('refuses an unknown authority, listing the closest names', () => {
		const e = thrown(() => selectAuthority(LIST, 'Kingstn upon Thames'));
		expect(e.message).toBe(
			'the SEN2 files, column "la_name": expected a local authority of the files, by name, new code (such as E09000021) or old code (such as 314), got "Kingstn upon Thames"; closest: Kingston upon Thames (E09000021, 314), Richmond upon Thames (E09000027, 318), Kingston upon Hull, City of (E06000010, 810)'
		);
		expect(thrown(() => selectAuthority(LIST, 'Zzz')).message).toMatch(
			/got "Zzz"; none is close among the 4 authorities$/
		);
		expect(thrown(() => selectAuthority(LIST, '999')).message).toMatch(/got "999"/);
	});

	it('finds an authority by a former ONS code (same DfE code)', () => {
		const bucks: Authority = {
			name: 'Buckinghamshire',
			newCode: 'E06000060',
			oldCode: '825',
			formerCodes: ['E10000002']
		};
		expect(selectAuthority([...LIST, bucks], 'E10000002')).toBe(bucks);
		expect(selectAuthority([...LIST, bucks], 'e10000002')).toBe(bucks);
		expect(rowIsAuthority(bucks, 'E10000002', '')).toBe(true);
	});

	it('refuses a part of a name with exact, naming the authority it is part of', () => {
		expect(() => selectAuthority(LIST, 'Hull', 'the SEN2 files', { exact: true })).toThrow(
			'the SEN2 files, column "la_name": expected the full name of an authority or a code, got "Hull", a part of the name of Kingston upon Hull, City of (E06000010, 810)'
		);
		expect(selectAuthority(LIST, 'Bristol City of', 'x', { exact: true })).toBe(BRISTOL);
	});

	it('refuses any query when the files have no authority', () => {
		expect(thrown(() => selectAuthority([], 'Kingston upon Thames')).message).toMatch(
			/got files with no local authority rows$/
		);
	});
});

describe('closeAuthorities', () => {
	it('puts names containing the query first, then names a few letters away', () => {
		expect(closeAuthorities(LIST, 'Thames').map((a) => a.name)).toEqual([
			'Kingston upon Thames',
			'Richmond upon Thames'
		]);
		expect(closeAuthorities(LIST, 'Bristl')).toEqual([BRISTOL]);
		expect(closeAuthorities(LIST, '')).toEqual([]);
	});
});

describe('row matching', () => {
	it('takes a row as the authority’s when either code matches', () => {
		expect(rowIsAuthority(THAMES, 'E09000021', '')).toBe(true);
		expect(rowIsAuthority(THAMES, 'E09999999', '314')).toBe(true);
		expect(rowIsAuthority(THAMES, 'E06000010', '810')).toBe(false);
	});

	it('keeps, while streaming, the rows a query could select', () => {
		expect(rowMightMatch('Kingston', HULL.name, HULL.newCode, HULL.oldCode)).toBe(true);
		expect(rowMightMatch('314', THAMES.name, THAMES.newCode, THAMES.oldCode)).toBe(true);
		expect(rowMightMatch('Kingston', RICHMOND.name, RICHMOND.newCode, RICHMOND.oldCode)).toBe(
			false
		);
		expect(rowMightMatch(THAMES, THAMES.name, '', '')).toBe(true);
		expect(rowMightMatch('', THAMES.name, THAMES.newCode, THAMES.oldCode)).toBe(false);
	});
});

describe('names', () => {
	it('describes an authority with its codes', () => {
		expect(describeAuthority(THAMES)).toBe('Kingston upon Thames (E09000021, 314)');
	});

	it('normalises case, punctuation and "&"', () => {
		expect(normaliseName('Bristol, City of')).toBe('bristol city of');
		expect(normaliseName('Brighton & Hove')).toBe('brighton and hove');
		expect(normaliseName('St. Helens')).toBe('st helens');
	});
});
