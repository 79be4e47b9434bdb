/**
 * witan.send files off the page's thread: reading 8,000 transitions and running a thousand
 * simulations would freeze a page. See witan-api.ts (what it does) and src/lib/client/witan.ts
 * (its client).
 */
import * as Comlink from 'comlink';
import { createWitanWorkerApi } from './witan-api';

Comlink.expose(createWitanWorkerApi());
