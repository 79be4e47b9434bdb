/**
 * The version of the engine's results. A stored Monte Carlo run is only reused when it was made by
 * the same version (its cache key includes this number, see `inputsHash` in
 * state/simulation.svelte.ts), so that a run made before a change to the method never comes back.
 *
 * Bump it (a whole number, +1) in the same commit as any change that alters what the engine gives
 * for the same dataset, scenario, seed and N: estimation, sampling, the order of random draws,
 * metrics or summaries. Refactoring that leaves every figure unchanged does not bump it.
 * @example `${ENGINE_VERSION}` // '6'
 */
export const ENGINE_VERSION = 6;
