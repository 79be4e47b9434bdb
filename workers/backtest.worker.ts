/**
 * Back-testing with simulated bands off the page's thread (MODEL.md §8): a thousand projections
 * per estimator take long enough to freeze a page. See backtest-api.ts and backtest-client.ts.
 */
import * as Comlink from 'comlink';
import { backtestWorkerApi } from './backtest-api';

Comlink.expose(backtestWorkerApi);
