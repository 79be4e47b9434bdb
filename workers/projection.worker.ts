/// <reference lib="webworker" />
/**
 * Worker entry point: exposes the projection API over comlink. Nothing else lives here.
 */
import { expose } from 'comlink';
import { createProjectionApi } from './projection-api';

expose(createProjectionApi());
