/**
 * Back-testing with simulated bands off the page's thread (docs/model.md §8): a thousand
 * projections per estimator take long enough to freeze a page. See backtest-api.ts (what it does)
 * and src/lib/client/backtest.ts (its client).
 */
import * as Comlink from 'comlink';
import { backtestWorkerApi } from './backtest-api';

Comlink.expose(backtestWorkerApi);
