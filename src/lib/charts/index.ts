/**
 * Chart components in the manner of Layer Cake: a Frame owns the scales, layers draw one thing
 * each, and every chart has a DataTable as its text alternative.
 */
export { default as Frame } from './Frame.svelte';
export { default as AxisX } from './AxisX.svelte';
export { default as AxisY } from './AxisY.svelte';
export { default as Line } from './Line.svelte';
export { default as Band } from './Band.svelte';
export { default as RuleY } from './RuleY.svelte';
export { default as RuleX } from './RuleX.svelte';
export { default as PointLabel } from './PointLabel.svelte';
export { default as Points } from './Points.svelte';
export { default as Bars } from './Bars.svelte';
export { default as StackedBars } from './StackedBars.svelte';
export { default as HBars } from './HBars.svelte';
export { default as Legend } from './Legend.svelte';
export { default as DataTable } from './DataTable.svelte';
export * from './context';
export * from './domain';
export * from './export';
export * from '$lib/model/format';
export * from './palette';
export type * from './types';
