// Where Chromium lives and how it is started, shared by Vitest browser mode, Playwright and the
// benchmark scripts. Debian's Chromium is used; Playwright never downloads its own browser here.
import { existsSync } from 'node:fs';

export const CHROMIUM_ENV = 'CHROMIUM_PATH';
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The Chromium executable: $CHROMIUM_PATH if set, else the first of the usual Debian paths. */
export function chromiumPath() {
	const fromEnv = process.env[CHROMIUM_ENV];
	if (fromEnv) return fromEnv;
	return CANDIDATES.find((p) => existsSync(p)) ?? CANDIDATES[0];
}

/** A message for when no Chromium is found, or null when one is. */
export function missingChromiumMessage() {
	const path = chromiumPath();
	if (existsSync(path)) return null;
	return [
		`No Chromium found at ${path}.`,
		"The browser and end-to-end tests need Debian's Chromium. Install it with:",
		'    sudo apt-get install -y chromium',
		`or set ${CHROMIUM_ENV} to the path of a Chromium or Chrome executable.`
	].join('\n');
}

// Without the networking flags Chromium floods a closed network with background requests.
export const chromiumArgs = [
	'--headless=new',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage'
];
