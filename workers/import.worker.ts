/**
 * The import worker: reads SEN2 statistics files off the page's thread. See import-api.ts (what
 * it does) and src/lib/client/import.ts (its client).
 */
import * as Comlink from 'comlink';
import { sen2WorkerEndpointApi } from './import-api';

Comlink.expose(sen2WorkerEndpointApi);
