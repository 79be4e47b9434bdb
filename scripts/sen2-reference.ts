/**
 * Makes the England reference the forecast pools with (src/lib/data/sen2-reference.json;
 * docs/model.md §2 "Pooling with England", decision 0019) from the public DfE SEN2 files:
 *
 *   npx tsx scripts/sen2-reference.ts <SEN2 folder> [--out src/lib/data/sen2-reference.json]
 *
 * Every authority is read by the same SEN2 importer as the Data page (its January totals and its
 * new plans by calendar year); England's caseload and new plans by age band are the sums of the
 * authorities' (so that England is exactly the panel an authority is pooled with). Run it again
 * when DfE publishes a new release, and record the change in CHANGELOG.md.
 */
import { writeFileSync } from 'node:fs';
import type { AgeBandId } from '../src/lib/model/categories';
import { AGE_BAND_IDS } from '../src/lib/model/categories';
import type { Sen2Reference } from '../src/lib/engine/reference';
import { buildSen2Import } from '../src/lib/io/sen2/build';
import { groupByAuthority, readSen2England } from '../src/lib/io/sen2/england';
import { DEFAULT_SEN2_MAPPING } from '../src/lib/io/sen2/mapping';
import { findSen2Files, readSen2Texts } from '../cli/sen2';

function main(argv: string[]): void {
	const dir = argv[0];
	const outIndex = argv.indexOf('--out');
	const out = outIndex >= 0 ? argv[outIndex + 1] : 'src/lib/data/sen2-reference.json';
	if (!dir) {
		console.error('Usage: npx tsx scripts/sen2-reference.ts <SEN2 folder> [--out FILE]');
		process.exit(2);
	}
	const texts = readSen2Texts(findSen2Files(dir, (line) => console.error(line)));
	const england = readSen2England(texts);
	const authorities = groupByAuthority(england).flatMap((rows) => {
		try {
			return [buildSen2Import(rows.files, rows.authority, DEFAULT_SEN2_MAPPING)];
		} catch (e) {
			console.error(`${rows.authority.name}: left out (${(e as Error).message})`);
			return [];
		}
	});
	let firstYear = Infinity;
	let lastCensus = -Infinity;
	let lastFlowYear = -Infinity;
	for (const a of authorities) {
		for (const r of a.history.caseloadTotal ?? []) {
			firstYear = Math.min(firstYear, r.year);
			lastCensus = Math.max(lastCensus, r.year);
		}
		for (const r of a.newPlansTotal) {
			firstYear = Math.min(firstYear, r.year);
			lastFlowYear = Math.max(lastFlowYear, r.year);
		}
	}
	const span = Math.max(lastCensus, lastFlowYear) - firstYear + 1;
	const series = (rows: readonly { year: number; count: { value: number } }[]) => {
		const s: (number | null)[] = new Array(span).fill(null);
		for (const r of rows) s[r.year - firstYear] = (s[r.year - firstYear] ?? 0) + r.count.value;
		return s;
	};
	const bandSums = (
		pick: (
			a: (typeof authorities)[number]
		) => readonly { year: number; band: AgeBandId; count: { value: number } }[]
	) => {
		const rows: (number[] | null)[] = new Array(span).fill(null);
		for (const a of authorities) {
			for (const r of pick(a)) {
				const i = r.year - firstYear;
				rows[i] ??= AGE_BAND_IDS.map(() => 0);
				rows[i]![AGE_BAND_IDS.indexOf(r.band)] += r.count.value;
			}
		}
		return rows;
	};
	const reference: Sen2Reference = {
		format: 'send-workbench/sen2-reference',
		version: 1,
		source:
			'Department for Education, "Education, health and care plans" (SEN2) statistics, Open Government Licence v3.0; every local authority as read by the workbench’s SEN2 import; England = the sum of the authorities',
		files: texts.map((f) => f.name),
		bands: [...AGE_BAND_IDS],
		firstYear,
		lastCensus,
		lastFlowYear,
		england: {
			caseload: bandSums((a) => a.history.caseloadByAgeBand ?? []),
			newPlans: bandSums((a) => a.history.newPlansByAgeBand ?? [])
		},
		authorities: authorities.map((a) => ({
			name: a.authority.name,
			laCode: a.authority.oldCode,
			code: a.authority.newCode,
			caseload: series(a.history.caseloadTotal ?? []),
			newPlans: series(a.newPlansTotal)
		}))
	};
	writeFileSync(out, JSON.stringify(reference) + '\n');
	console.error(
		`${out}: ${reference.authorities.length} authorities, ${firstYear}–${lastCensus} censuses, flows to ${lastFlowYear}`
	);
}

main(process.argv.slice(2));
