/**
 * The names and lines the screen gives the trends of new and ceased plans say what the engine
 * computes: pooled with England, the "pooled mean" of ceased plans is England-pooled, not the
 * authority's own average (engine/aggregates.ts); not pooled, the England trend is the
 * authority's own pooled mean.
 */
import { describe, expect, it } from 'vitest';
import { kingstonDataset } from '$lib/data/kingston';
import { estimateDemand } from '$lib/engine/estimate';
import {
	poolsWithEngland,
	trendExplanation,
	trendInWords,
	trendLabel
} from '$lib/model/plain-words';
import { ESTIMATOR_IDS, ESTIMATOR_LABELS } from '$lib/model/dataset';

const dataset = kingstonDataset();
const unpooled = { ...dataset, estimation: { ...dataset.estimation, pooling: 'none' as const } };

describe('the trends in plain words', () => {
	it('pools a dataset of aggregates with England unless pooling is off, and never transitions', () => {
		expect(poolsWithEngland(dataset)).toBe(true);
		expect(poolsWithEngland(unpooled)).toBe(false);
		expect(poolsWithEngland({ estimation: dataset.estimation, transitions: [{} as never] })).toBe(
			false
		);
	});

	it('names the pooled mean of ceased plans as pooled with England when the engine pools it so', () => {
		// What the engine computes: the pooled mean of ceased plans is England's pooled trend.
		const trends = estimateDemand(dataset).trends;
		expect(trends.pooled.leavers).toEqual(trends.england.leavers);
		expect(trendLabel('pooled', 'ceased plans', true)).toBe('Pooled mean, pooled with England');
		expect(trendExplanation('pooled', 'ceased plans', true)).toContain('pulled towards England’s');
		expect(trendExplanation('pooled', 'ceased plans', true)).not.toContain('average of past');
		expect(trendInWords('pooled', 'ceased plans', true)).toMatch(
			/^Pooled mean, pooled with England — /
		);
	});

	it('keeps the authority’s own average for new plans, and for ceased plans when not pooled', () => {
		expect(trendLabel('pooled', 'new plans', true)).toBe(ESTIMATOR_LABELS.pooled);
		expect(trendExplanation('pooled', 'new plans', true)).toBe(
			'the authority’s average of past years, held level'
		);
		expect(trendLabel('pooled', 'ceased plans', false)).toBe(ESTIMATOR_LABELS.pooled);
	});

	it('says the England trend is the pooled mean of history when pooling is off', () => {
		const trends = estimateDemand(unpooled).trends;
		expect(trends.england).toBe(trends.pooled);
		for (const of of ['new plans', 'ceased plans'] as const) {
			expect(trendLabel('england', of, false)).toContain('off for this dataset');
			expect(trendExplanation('england', of, false)).toBe(trendExplanation('pooled', of, false));
		}
	});

	it('names the other trends as before, whatever the pooling', () => {
		for (const e of ESTIMATOR_IDS.filter((x) => x === 'linear' || x === 'loglinear')) {
			for (const pooled of [true, false]) {
				expect(trendLabel(e, 'ceased plans', pooled)).toBe(ESTIMATOR_LABELS[e]);
				expect(trendLabel(e, 'new plans', pooled)).toBe(ESTIMATOR_LABELS[e]);
			}
		}
	});
});
