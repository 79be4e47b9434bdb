/**
 * The England reference that ships with the app (src/lib/data/sen2-reference.json, made by
 * scripts/sen2-reference.ts from the DfE SEN2 files; decision 0019): what every dataset built from
 * aggregates is pooled with unless estimation is told otherwise.
 */
import json from '../data/sen2-reference.json' with { type: 'json' };
import { checkReference, type Sen2Reference } from './reference';

/** The shipped England reference, checked once when the engine loads. */
export const DEFAULT_REFERENCE: Sen2Reference = checkReference(json);
