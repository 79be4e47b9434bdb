/**
 * The import worker: reads SEN2 statistics files off the page's thread (see
 * `src/lib/io/sen2/worker-api.ts` for what it does, `src/lib/io/sen2/client.ts` for its client).
 */
import * as Comlink from 'comlink';
import { sen2WorkerEndpointApi } from '../src/lib/io/sen2/worker-api';

Comlink.expose(sen2WorkerEndpointApi);
