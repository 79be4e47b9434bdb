/**
 * The browser persistence layer: IndexedDB through idb, one database `send-workbench`.
 */
export * from './errors';
export * from './schema';
export { openWorkbenchDb, upgradeWorkbenchDb, type OpenWorkbenchOptions } from './db';
export { inTransaction, type WorkbenchDatabase } from './transaction';
export * from './datasets';
export * from './scenarios';
export * from './import-scenario-set';
export * from './sets';
export * from './runs';
export * from './meta';
export * from './seed';
export * from './broadcast';
export * from './persist';
export * from './merge';
export * from './connection';
