/**
 * Links to the scenario editor. The app is prerendered, so the scenario is named in the query
 * string (`/scenarios/edit/?id=…`) rather than in the path.
 */
import { resolve } from '$app/paths';

/** The editor of one scenario. */
export const editHref = (id: string) => resolve(`/scenarios/edit/?id=${encodeURIComponent(id)}`);
