// Makes `npm start` and `npm test` work straight after cloning: installs the locked
// dependencies when node_modules is missing or older than package-lock.json.
import { existsSync, statSync } from 'node:fs';
import { execSync } from 'node:child_process';

const marker = 'node_modules/.package-lock.json';
const stale =
	!existsSync(marker) || statSync(marker).mtimeMs < statSync('package-lock.json').mtimeMs - 1000;
if (stale) {
	console.log('Installing dependencies (npm ci)…');
	execSync('npm ci', { stdio: 'inherit' });
}
