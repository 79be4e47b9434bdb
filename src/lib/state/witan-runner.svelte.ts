/**
 * A run of witan.send outputs for the page: N simulations of a scenario in the witan worker,
 * with progress (shown once the run has taken 200 ms, so a quick run does not flash a bar),
 * cancel, the time taken and a message when it fails.
 */
import type { Dataset } from '../model/dataset';
import type { Scenario } from '../model/scenario';
import {
	createWitanClient,
	type WitanClient,
	type WitanOutputsRun,
	type WitanRunRequest
} from '../client/witan';
import { isAbortError } from '../client/worker-client';

/** How long a run goes before its progress is shown, ms. */
export const PROGRESS_AFTER_MS = 200;

export class WitanRunner {
	running = $state(false);
	/** Simulations done of how many, once the run has taken PROGRESS_AFTER_MS. */
	progress = $state<{ done: number; sims: number } | null>(null);
	error = $state<string | null>(null);
	result = $state.raw<WitanOutputsRun | null>(null);
	/** Seconds the last run took. */
	seconds = $state<number | null>(null);

	#client: WitanClient;
	#ticket = 0;

	constructor(client: WitanClient = createWitanClient()) {
		this.#client = client;
	}

	get client(): WitanClient {
		return this.#client;
	}

	/**
	 * Runs a scenario's outputs; resolves with them (also kept in `result`), or null when the run
	 * failed (`error` says why) or was cancelled or superseded by a newer run.
	 */
	async run(
		dataset: Dataset,
		scenario: Scenario,
		request: WitanRunRequest
	): Promise<WitanOutputsRun | null> {
		const ticket = ++this.#ticket;
		this.running = true;
		this.error = null;
		this.progress = null;
		let latest = { done: 0, sims: request.sims };
		const show = setTimeout(() => {
			if (ticket === this.#ticket) this.progress = latest;
		}, PROGRESS_AFTER_MS);
		const started = performance.now();
		try {
			const result = await this.#client.runOutputs(dataset, scenario, request, (done, sims) => {
				latest = { done, sims };
				if (ticket === this.#ticket && this.progress) this.progress = latest;
			});
			if (ticket !== this.#ticket) return null;
			this.result = result;
			this.seconds = (performance.now() - started) / 1000;
			return result;
		} catch (e) {
			if (ticket === this.#ticket && !isAbortError(e)) {
				this.error = `The simulations could not be run: ${(e as Error).message}`;
			}
			return null;
		} finally {
			clearTimeout(show);
			if (ticket === this.#ticket) {
				this.running = false;
				this.progress = null;
			}
		}
	}

	/** Stops the run under way; what was there before stays. */
	cancel(): void {
		this.#ticket++;
		this.#client.cancel();
		this.running = false;
		this.progress = null;
	}

	dispose(): void {
		this.#ticket++;
		this.#client.dispose();
	}
}
