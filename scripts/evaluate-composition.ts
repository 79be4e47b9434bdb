/**
 * How well the default forecast splits EHC plans by age band and by placement, across every English
 * authority (decision 0032): the rolling-origin companion of scripts/evaluate-forecasts.ts, which
 * scores totals. On the public DfE SEN2 files:
 *
 *   npx tsx scripts/evaluate-composition.ts <SEN2 folder> [--origins 2015,2016,2017,2018] [--horizon 3]
 *
 * For every authority and origin it builds the dataset from the files cut at the origin, as the
 * Data page's import does, projects its reference projection (expected values) and compares with
 * the censuses held out. It prints, by horizon: each age band's mean absolute percentage error and
 * median bias (bands of 20 or more plans); the share of plans in the wrong band or placement
 * (Σ |projected − actual| ÷ Σ actual, averaged over authorities); and the error of placement cost
 * at one set of unit costs (Kingston's of 2021/22, so that placements are weighted by what they
 * cost, not by a council's own prices).
 */
import { findSen2Files, readSen2Texts } from '../cli/sen2';
import { kingstonDataset } from '../src/lib/data/kingston';
import { kingstonScenarios } from '../src/lib/data/kingston-scenarios';
import { projectExpected } from '../src/lib/engine/project';
import { compile, prepareDataset, runExpected } from '../src/lib/engine/workbench';
import {
	buildAuthorityAtOrigin,
	groupByAuthority,
	readSen2England
} from '../src/lib/io/sen2/england';
import { AGE_BANDS } from '../src/lib/model/categories';
import { metricValues } from '../src/lib/model/results';
import { mean as ssMean, median as ssMedian } from 'simple-statistics';
import { option } from './options';

// NaN for a horizon with no forecasts (simple-statistics throws on an empty list).
const mean = (x: number[]) => (x.length ? ssMean(x) : NaN);
const median = (x: number[]) => (x.length ? ssMedian(x) : NaN);
const pct = (v: number) => `${(v * 100).toFixed(1)}%`.padStart(7);

/** Kingston's 2021/22 cost per plan by placement (£ a year): projected cost ÷ projected plans. */
function kingstonUnitCosts(): Map<string, number> {
	const kingston = kingstonDataset();
	const prepared = prepareDataset(kingston);
	const baseline = kingstonScenarios().find((s) => s.role === 'projection')!;
	const r = runExpected(prepared, baseline);
	return new Map(
		kingston.settings.map((s) => [
			s.id,
			metricValues(r, `placement_cost_by_setting:${s.id}`)[0] /
				metricValues(r, `ehcp_by_setting:${s.id}`)[0]
		])
	);
}

function main(argv: string[]): void {
	const dir = argv[0];
	if (!dir || dir.startsWith('--')) {
		console.error(
			'Usage: npx tsx scripts/evaluate-composition.ts <SEN2 folder> [--origins Y,Y] [--horizon H]'
		);
		process.exit(2);
	}
	const origins = option(argv, '--origins', '2015,2016,2017,2018').split(',').map(Number);
	const horizon = Number(option(argv, '--horizon', '3'));
	const unitCost = kingstonUnitCosts();
	const england = readSen2England(readSen2Texts(findSen2Files(dir, () => {})));
	const byH = () => Array.from({ length: horizon }, () => [] as number[]);
	const bandApe = new Map(AGE_BANDS.map((b) => [b.id, byH()]));
	const bandBias = new Map(AGE_BANDS.map((b) => [b.id, byH()]));
	const bandShare = byH();
	const settingShare = byH();
	const costError = byH();
	let forecasts = 0;
	for (const rows of groupByAuthority(england)) {
		const latest = Math.max(...origins) + horizon;
		const full = buildAuthorityAtOrigin(rows, latest, 1);
		if (!full.ok) continue;
		const actual = new Map<string, number>();
		const add = (key: string, v: number) => actual.set(key, (actual.get(key) ?? 0) + v);
		for (const r of full.dataset.history.caseloadByAgeBand)
			add(`${r.year}|${r.band}`, r.count.value);
		for (const r of full.dataset.history.caseloadBySetting)
			add(`${r.year}|${r.setting}`, r.count.value);
		for (const origin of origins) {
			const entry = buildAuthorityAtOrigin(rows, origin, Math.max(horizon, 4));
			if (!entry.ok) continue;
			const scenario = entry.scenarios.find((s) => s.role === 'projection');
			if (!scenario) continue;
			const c = compile(prepareDataset(entry.dataset), scenario);
			const values = projectExpected(c).values;
			const steps = c.censuses.length;
			const at = (metric: string, k: number) => {
				const row = c.layout.index.get(metric);
				return row === undefined ? undefined : values[row * steps + k];
			};
			forecasts++;
			for (let h = 1; h <= horizon; h++) {
				const year = origin + h;
				const k = c.censuses.indexOf(year);
				if (k < 0) continue;
				let bandMiss = 0;
				let bandTotal = 0;
				for (const b of AGE_BANDS) {
					const a = actual.get(`${year}|${b.id}`);
					const p = at(`ehcp_by_age_band:${b.id}`, k);
					if (a === undefined || p === undefined) continue;
					bandMiss += Math.abs(p - a);
					bandTotal += a;
					if (a < 20) continue;
					bandApe.get(b.id)![h - 1].push(Math.abs(p - a) / a);
					bandBias.get(b.id)![h - 1].push((p - a) / a);
				}
				if (bandTotal > 0) bandShare[h - 1].push(bandMiss / bandTotal);
				let settingMiss = 0;
				let settingTotal = 0;
				let costMiss = 0;
				let costTotal = 0;
				for (const s of entry.dataset.settings) {
					const a = actual.get(`${year}|${s.id}`);
					const p = at(`ehcp_by_setting:${s.id}`, k);
					if (a === undefined || p === undefined) continue;
					settingMiss += Math.abs(p - a);
					settingTotal += a;
					const cost = unitCost.get(s.id) ?? 0;
					costMiss += (p - a) * cost;
					costTotal += a * cost;
				}
				if (settingTotal > 0) settingShare[h - 1].push(settingMiss / settingTotal);
				if (costTotal > 0) costError[h - 1].push(costMiss / costTotal);
			}
		}
	}
	const hs = Array.from({ length: horizon }, (_, h) => `h${h + 1}`.padStart(15)).join('');
	console.log(`${forecasts} forecasts from origins ${origins.join(', ')}, ${horizon} years ahead.`);
	console.log(`${'age band: MAPE / median bias'.padEnd(30)}${hs}`);
	for (const b of AGE_BANDS) {
		const cells = bandApe
			.get(b.id)!
			.map((e, h) => `${pct(mean(e))} /${pct(median(bandBias.get(b.id)![h]))}`);
		console.log(`${b.label.padEnd(30)}${cells.join('')}`);
	}
	const line = (name: string, xs: number[][], f: (x: number[]) => number) =>
		console.log(`${name.padEnd(30)}${xs.map((x) => `${pct(f(x))}`.padStart(15)).join('')}`);
	line('plans in the wrong band', bandShare, mean);
	line('plans in the wrong placement', settingShare, mean);
	line('placement cost: MAPE', costError, (x) => mean(x.map(Math.abs)));
	line('placement cost: median bias', costError, median);
}

main(process.argv.slice(2));
