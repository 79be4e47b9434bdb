import * as Comlink from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { ImportError } from '$lib/io/csv/errors';
import { createSen2ImportClient, type Sen2ImportClient } from '$lib/client/import';
import { sen2WorkerEndpointApi } from '../../../workers/import-api';
import { AGE_CASELOAD, MI, fixture } from '../io/sen2/fixtures';

/** The worker's side on one end of a channel, the client on the other: a worker without a thread. */
function inProcessClient(): Sen2ImportClient {
	const { port1, port2 } = new MessageChannel();
	Comlink.expose(sen2WorkerEndpointApi, port1 as unknown as Comlink.Endpoint);
	const client = createSen2ImportClient(port2 as unknown as Comlink.Endpoint);
	clients.push({ client, close: () => port1.close() });
	return client;
}

const clients: { client: Sen2ImportClient; close: () => void }[] = [];
afterEach(() => {
	for (const c of clients.splice(0)) {
		c.client.dispose();
		c.close();
	}
});

const asFile = (path: string) => {
	const f = fixture(path);
	return new File([f.text], f.name);
};

describe('createSen2ImportClient', () => {
	it('imports through the worker boundary, keeping file names and reporting progress', async () => {
		const client = inProcessClient();
		const fractions: number[] = [];
		const r = await client.importFiles(
			[asFile(AGE_CASELOAD), asFile(MI)],
			'E09000021',
			undefined,
			(p) => fractions.push(p.fraction)
		);
		expect(r.files.map((f) => f.name)).toEqual(['sen2_age_caseload.csv', 'sen2_mi.csv']);
		expect(r.history.caseloadTotal?.find((c) => c.year === 2021)?.count.value).toBe(1424);
		expect(fractions[fractions.length - 1]).toBe(1);
	});

	it('lists authorities through the worker boundary', async () => {
		const scan = await inProcessClient().scan([asFile(MI)]);
		expect(scan.authorities.map((a) => a.oldCode)).toEqual(['810', '314']);
	});

	it('rethrows an ImportError with its file, row and column', async () => {
		const client = inProcessClient();
		let e: unknown;
		try {
			await client.importFiles([asFile(MI)], 'Kingston');
		} catch (err) {
			e = err;
		}
		expect(e).toBeInstanceOf(ImportError);
		expect((e as ImportError).file).toBe('sen2_mi.csv');
		expect((e as ImportError).column).toBe('la_name');
		expect((e as Error).message).toContain(
			'which matches Kingston upon Hull, City of (E06000010, 810)'
		);
	});
});
